const mongoose = require('mongoose');

const voucherSchema = new mongoose.Schema({ code: String, used: Boolean });

module.exports = mongoose.model('Voucher', voucherSchema);
