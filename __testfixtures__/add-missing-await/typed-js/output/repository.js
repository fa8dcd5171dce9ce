const mongoose = require('mongoose');

const Invoice = mongoose.model('Invoice', new mongoose.Schema({ number: String, paid: Boolean }));

/** Marks an invoice paid inside the caller's transaction. */
async function markPaid(number, session) {
  await Invoice.updateOne({ number }, { paid: true }, { session });
}

/** Synchronous: only formats a line for the log. */
function describe(number, session) {
  return `${number} (${session.id ? 'in a session' : 'no session'})`;
}

module.exports = { markPaid, describe };
