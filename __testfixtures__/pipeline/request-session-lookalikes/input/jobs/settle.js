const Invoice = require('../models/invoice');

// A queue worker's processor: (job, ctx), not a request handler; the runner owns ctx.session.
async function settle(job, ctx) {
  await Invoice.updateOne({ _id: job.data.invoiceId }, { status: 'settled' }, { session: ctx.session });
  await ctx.session.commitTransaction();
}

module.exports = { settle };
