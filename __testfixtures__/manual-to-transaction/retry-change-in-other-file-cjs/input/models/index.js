const mongoose = require('mongoose');

const Account = mongoose.model('Account', new mongoose.Schema({ name: String, wallet: { points: Number } }));
const Redemption = mongoose.model('Redemption', new mongoose.Schema({ account: mongoose.Schema.Types.ObjectId, reward: String }));

module.exports = { Account, Redemption };
