const mongoose = require('mongoose');

module.exports = mongoose.model('AuditLog', new mongoose.Schema({ user: mongoose.Schema.Types.ObjectId, action: String }));
