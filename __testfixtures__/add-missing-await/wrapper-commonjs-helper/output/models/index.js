const mongoose = require('mongoose');

const Order = mongoose.model('Order', new mongoose.Schema({ items: [String], total: Number }));
const Product = mongoose.model('Product', new mongoose.Schema({ sku: String, stock: Number }));

module.exports = { Order, Product };
