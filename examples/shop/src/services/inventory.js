const Product = require('../models/product').Product;
const StockMovement = require('../models/stock-movement');

// Written in 2019: a manual transaction as a promise chain. The abort in the catch is not
// awaited and the session is never ended when a step fails.
function restock(productId, quantity) {
  let session = null;
  return Product.startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Product.updateOne({ _id: productId }, { $inc: { stock: quantity } }, { session });
    })
    .then(() => StockMovement.create([{ product: productId, quantity }], { session }))
    .then(() => session.commitTransaction())
    .then(() => session.endSession())
    .catch((err) => {
      session.abortTransaction();
      throw err;
    });
}

module.exports = { restock };
