const Product = require('../models/product');
const StockMovement = require('../models/stock-movement');

// 2019-era code: the abort in the catch is not awaited, and a failing step leaks the session.
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
