const mongoose = require('mongoose');

module.exports = mongoose.model('Payment', new mongoose.Schema({}, { strict: false }));
