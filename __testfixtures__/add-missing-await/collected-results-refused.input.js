const mongoose = require('mongoose');
const Invoice = require('../models/invoice');
const Payment = require('../models/payment');
const mailer = require('../lib/mailer');

async function settle(invoice, session) {
  await Payment.create([{ invoice: invoice._id, amount: invoice.amount }], { session });
  return Invoice.updateOne({ _id: invoice._id }, { paid: true }, { session });
}

// The outcome of each settlement is read: allSettled's value is not the operations' results.
exports.settleAll = async (invoices) =>
  mongoose.connection.transaction(async (session) => {
    const settlements = [];
    for (const invoice of invoices) settlements.push(settle(invoice, session));
    const outcomes = await Promise.allSettled(settlements);
    return outcomes.filter((outcome) => outcome.status === 'rejected').length;
  });

// A try around each push catches what the call throws at once, not the failed write.
exports.settleEach = async (invoices) =>
  mongoose.connection.transaction(async (session) => {
    const settlements = [];
    for (const invoice of invoices) {
      try {
        settlements.push(settle(invoice, session));
      } catch (error) {
        console.error('could not start', invoice._id, error);
      }
    }
    await Promise.all(settlements);
    return invoices.length;
  });

// Only the first settlement is waited for.
exports.settleFirst = async (invoices) =>
  mongoose.connection.transaction(async (session) => {
    const settlements = [];
    for (const invoice of invoices) settlements.push(settle(invoice, session));
    return await Promise.race(settlements);
  });

// A mail and a write collected together: the mail is not a Mongoose operation.
exports.settleAndNotify = async (invoice) =>
  mongoose.connection.transaction(async (session) => {
    const work = [];
    work.push(settle(invoice, session));
    work.push(mailer.send(invoice.customer, 'paid'));
    const [settled] = await Promise.all(work);
    return settled;
  });

// Waited for only when something was collected, in a nested block.
exports.settleSome = async (invoices) =>
  mongoose.connection.transaction(async (session) => {
    const settlements = [];
    for (const invoice of invoices) if (invoice.amount > 0) settlements.push(settle(invoice, session));
    if (invoices.length > 0) {
      const results = await Promise.all(settlements);
      return results.length;
    }
    return 0;
  });

// Some steps give nothing back (undefined in the array), which a loop that collects would have to say.
exports.settleOptional = async (invoices) =>
  mongoose.connection.transaction(async (session) => {
    const settled = await Promise.all(
      invoices.map(async (invoice) => {
        if (invoice.amount > 0) return settle(invoice, session);
      }),
    );
    return settled.length;
  });
