const mongoose = require('mongoose');

mongoose.connect(process.env.MONGO_URL);

const Refund = mongoose.model('Refund', new mongoose.Schema({ order: String, amount: Number }));

exports.Refund = Refund;
exports.openSession = async () => Refund.startSession();
