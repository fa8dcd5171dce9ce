const mongoose = require('mongoose');
const { connectDB } = require('../lib/db');
const Voucher = require('../models/Voucher');
const Redemption = require('../models/Redemption');

async function redeemVoucher(code, userId) {
  const voucher = await mongoose.connection.transaction(async (session) => {
    await connectDB();
    const voucher = await Voucher.findOneAndUpdate({ code, used: false }, { $set: { used: true } }, { new: true, session });
    if (!voucher) throw new Error('Voucher not found or already used');
    await Redemption.create([{ voucher: voucher._id, user: userId }], { session });
    return voucher;
  });
  return voucher;
}

module.exports = { redeemVoucher };
