const mongoose = require('mongoose');

const walletSchema = new mongoose.Schema({ user: String, currency: String, balance: Number });

module.exports = mongoose.model('Wallet', walletSchema);
