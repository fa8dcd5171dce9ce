const mongoose = require('mongoose');

module.exports = mongoose.model('Stock', new mongoose.Schema({ sku: String, available: Number }));
