const mongoose = require('mongoose');

const logSchema = new mongoose.Schema({ wallet: String, amount: Number, type: String });

module.exports = mongoose.model('TransactionLog', logSchema);
