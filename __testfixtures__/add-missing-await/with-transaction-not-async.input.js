const mongoose = require('mongoose');
const Ticket = mongoose.model('Ticket');

// The callback is not async and returns nothing: withTransaction() commits at once, and the
// driver even rejects it ("Function provided to withTransaction must return a Promise").
async function closeTickets(ids) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(() => {
      Ticket.updateMany({ _id: { $in: ids } }, { status: 'closed' }, { session }).exec();
      Ticket.create([{ kind: 'audit', ids }], { session });
    });
  } finally {
    await session.endSession();
  }
}

module.exports = { closeTickets };
