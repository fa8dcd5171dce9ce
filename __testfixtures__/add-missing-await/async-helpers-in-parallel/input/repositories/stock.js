const Product = require('../models/product');

async function reserve(sku, quantity, session) {
  const product = await Product.findOne({ sku }).session(session);
  product.reserved += quantity;
  await product.save({ session });
  return product;
}

module.exports = { reserve };
