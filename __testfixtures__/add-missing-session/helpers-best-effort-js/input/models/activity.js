const mongoose = require('mongoose');

module.exports = mongoose.model('Activity', new mongoose.Schema({ user: mongoose.Schema.Types.ObjectId, kind: String }));
