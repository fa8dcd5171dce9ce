const mongoose = require('mongoose');

const Order = mongoose.model('Order', new mongoose.Schema({ items: [String], total: Number, status: String }));
const Product = mongoose.model('Product', new mongoose.Schema({ sku: String, stock: Number }));

module.exports = { Order, Product };
