const Product = require('../models/product');
const StockMovement = require('../models/stock-movement');

// 2019-era code: the abort in the catch is not awaited, and a failing step leaks the session.
async function restock(productId, quantity) {
  await Product.db.transaction(async (session) => {
    await Product.updateOne({ _id: productId }, { $inc: { stock: quantity } }, { session });
    await StockMovement.create([{ product: productId, quantity }], { session });
  });
}

module.exports = { restock };
