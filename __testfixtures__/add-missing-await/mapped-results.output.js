const mongoose = require('mongoose');
const Product = require('../models/product');
const Sale = require('../models/sale');

// A sale takes every line's stock at once and keeps what each line sold for.
exports.createSale = async (req, res) => {
  try {
    const sale = await mongoose.connection.transaction(async (session) => {
      const soldLines = [];
      for (const item of req.body.items) {
        const product = await Product.findOneAndUpdate(
          { _id: item.product, stock: { $gte: item.qty } },
          { $inc: { stock: -item.qty } },
          { new: true, session },
        );
        if (!product) throw new Error(`not enough stock for ${item.product}`);
        soldLines.push({ product: product._id, qty: item.qty, price: product.price });
      }
      const [created] = await Sale.create([{ customer: req.body.customer, lines: soldLines }], { session });
      return created;
    });
    res.status(201).json({ id: sale._id, lines: sale.lines.length });
  } catch (error) {
    res.status(409).json({ message: error.message });
  }
};

// Prices of the lines, read on the session: an arrow that gives each result at once.
exports.quote = async (items) =>
  mongoose.connection.transaction(async (session) => {
    const products = [];
    for (const item of items) {
      products.push(await Product.findById(item.product).session(session));
    }
    return products.map((product) => product.price);
  });
