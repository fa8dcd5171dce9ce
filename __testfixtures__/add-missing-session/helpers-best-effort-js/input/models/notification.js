const mongoose = require('mongoose');

module.exports = mongoose.model('Notification', new mongoose.Schema({ user: mongoose.Schema.Types.ObjectId, text: String }));
