const mongoose = require('mongoose');

module.exports = mongoose.model('Order', new mongoose.Schema({ user: mongoose.Schema.Types.ObjectId, total: Number, status: String }));
