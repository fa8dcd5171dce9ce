const Invoice = require('../models/invoice');
const Payment = require('../models/payment');

// A service on Mongoose 7: transaction() resolves to the commit's result there, so the new
// payment leaves the callback through a variable declared before the call.
exports.pay = async function pay(invoiceId, amount) {
  const session = await Invoice.startSession();
  session.startTransaction();
  try {
    const invoice = await Invoice.findByIdAndUpdate(invoiceId, { $inc: { paid: amount } }, { session, new: true });
    const [payment] = await Payment.create([{ invoice: invoiceId, amount }], { session });
    await session.commitTransaction();
    return { invoice, payment };
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
};
