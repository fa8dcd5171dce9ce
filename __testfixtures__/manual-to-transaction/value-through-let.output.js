const Invoice = require('../models/invoice');
const Payment = require('../models/payment');

// A service on Mongoose 7: transaction() resolves to the commit's result there, so the new
// payment leaves the callback through a variable declared before the call.
exports.pay = async function pay(invoiceId, amount) {
  let invoice, payment;
  await Invoice.db.transaction(async (session) => {
    invoice = await Invoice.findByIdAndUpdate(invoiceId, { $inc: { paid: amount } }, { session, new: true });
    [payment] = await Payment.create([{ invoice: invoiceId, amount }], { session });
  });
  return { invoice, payment };
};
