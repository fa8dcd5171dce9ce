const mongoose = require('mongoose');

const Book = mongoose.model('Book', new mongoose.Schema({ isbn: String, stock: Number }));
const Order = mongoose.model('Order', new mongoose.Schema({ customer: String, lines: [{ isbn: String, qty: Number }], status: String }));
const Ledger = mongoose.model('Ledger', new mongoose.Schema({ order: String, amount: Number }));

module.exports = { Book, Order, Ledger };
