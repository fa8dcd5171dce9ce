const mongoose = require('mongoose');

module.exports = mongoose.model('Order', new mongoose.Schema({ item: String, qty: Number, customer: String }));
