const mongoose = require('mongoose');

module.exports = mongoose.model('Stock', new mongoose.Schema({ item: String, count: Number }));
