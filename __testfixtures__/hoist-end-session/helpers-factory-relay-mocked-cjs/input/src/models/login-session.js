const mongoose = require('mongoose');

module.exports = mongoose.model('LoginSession', new mongoose.Schema({ token: String, customer: String, expiresAt: Date }));
