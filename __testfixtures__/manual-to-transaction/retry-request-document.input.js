const mongoose = require('mongoose');
const catchAsync = require('../utils/catchAsync');

// The signed-in account is a document a middleware loaded before the transaction and put on the
// request. A local that reads it off the request holds that same document: removing a cart line
// from it, then saving, is not something a second run of the body can do again (the line is
// gone from the object, so `.id(...)` finds nothing and `.remove()` throws).
exports.removeCartLine = catchAsync(async (req, res, next) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const account = req.account;
    account.cart.id(req.query.lineId).remove();
    await account.save({ session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
  res.status(200).json({ success: true });
});

// The same with the middleware's capitalised name: `req.Account` is a document, not a model.
exports.clearCart = catchAsync(async (req, res, next) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const tempAccount = req.Account;
    tempAccount.Cart.pull(req.query.lineId);
    await tempAccount.save({ session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
  res.status(200).json({ success: true });
});
