const mongoose = require('mongoose');

const walletSchema = new mongoose.Schema({ owner: String, balance: Number });

module.exports = mongoose.model('Wallet', walletSchema);
