const mongoose = require('mongoose');

const redemptionSchema = new mongoose.Schema({ voucher: mongoose.Schema.Types.ObjectId, user: String });

module.exports = mongoose.model('Redemption', redemptionSchema);
