const Invoice = require('../models/invoice');
const InvoiceLine = require('../models/invoice-line');

// A repository helper that receives the session: create() with a session and an array that can
// hold several documents saves them in parallel on one transaction, and throws from 8.10.0
// ("Cannot call create() with a session and multiple documents unless ordered: true is set").
async function saveInvoice(invoice, lines, session) {
  const [saved] = await Invoice.create([invoice], { session });
  await InvoiceLine.create(
    lines.map((line) => ({ ...line, invoice: saved._id })),
    { session },
  );
  const opts = { session };
  await InvoiceLine.create([{ invoice: saved._id, kind: 'tax' }, { invoice: saved._id, kind: 'shipping' }], opts);
  await InvoiceLine.create(lines, { session, ordered: true });
  return saved;
}

module.exports = { saveInvoice };
