const mongoose = require('mongoose');
const Coupon = require('../models/coupon');

// The answer after the intentional abort names the coupon loaded inside the transaction: moving
// it after transaction() would need that value carried out too, so it is left for a person.
exports.redeem = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const coupon = await Coupon.findOne({ code: req.body.code }).session(session);
    if (coupon.used) {
      await session.abortTransaction();
      session.endSession();
      return res.status(409).json({ message: `Coupon ${coupon.code} was already used` });
    }
    coupon.used = true;
    await coupon.save({ session });
    await session.commitTransaction();
    session.endSession();
    return res.json(coupon);
  } catch (err) {
    await session.abortTransaction();
    session.endSession();
    return res.status(500).json({ message: err.message });
  }
};
