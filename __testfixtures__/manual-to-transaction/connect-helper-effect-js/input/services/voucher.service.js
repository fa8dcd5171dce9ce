const mongoose = require('mongoose');
const { connectDB } = require('../lib/db');
const Voucher = require('../models/Voucher');
const Redemption = require('../models/Redemption');

async function redeemVoucher(code, userId) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await connectDB();
    const voucher = await Voucher.findOneAndUpdate({ code, used: false }, { $set: { used: true } }, { new: true, session });
    if (!voucher) throw new Error('Voucher not found or already used');
    await Redemption.create([{ voucher: voucher._id, user: userId }], { session });
    await session.commitTransaction();
    return voucher;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

module.exports = { redeemVoucher };
