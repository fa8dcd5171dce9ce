const mongoose = require('mongoose');
const Ticket = mongoose.model('Ticket');

async function closeAll(owner) {
  await mongoose.connection.transaction(async (session) => {
    const open = await Ticket.find({ owner, status: 'open' }).session(session).lean();
    await Ticket.updateMany({ _id: { $in: open.map((t) => t._id) } }, { status: 'closed' }, { session });
    await Ticket.bulkWrite([{ deleteMany: { filter: { owner, status: 'spam' } } }], { session, ordered: false });
  });
}

module.exports = { closeAll };
