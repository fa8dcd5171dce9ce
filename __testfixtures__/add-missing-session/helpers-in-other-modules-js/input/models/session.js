const mongoose = require('mongoose');

module.exports = mongoose.model('Session', new mongoose.Schema({ user: mongoose.Schema.Types.ObjectId }));
