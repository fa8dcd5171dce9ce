const mongoose = require('mongoose');

const Cart = mongoose.model('Cart', new mongoose.Schema({ user: String, items: [{ sku: String, qty: Number }] }));
const User = mongoose.model('User', new mongoose.Schema({ email: String, name: String }));
const Audit = mongoose.model('Audit', new mongoose.Schema({ user: String, action: String }));

module.exports = { Cart, User, Audit };
