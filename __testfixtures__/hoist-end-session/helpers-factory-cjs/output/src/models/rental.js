const mongoose = require('mongoose');

module.exports = mongoose.model('Rental', new mongoose.Schema({}, { strict: false }));
