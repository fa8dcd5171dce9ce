const mongoose = require('mongoose');
const Ticket = mongoose.model('Ticket');

async function closeAll(owner) {
  await mongoose.connection.transaction(async () => {
    const open = await Ticket.find({ owner, status: 'open' }).lean();
    await Ticket.updateMany({ _id: { $in: open.map((t) => t._id) } }, { status: 'closed' });
    await Ticket.bulkWrite([{ deleteMany: { filter: { owner, status: 'spam' } } }], { ordered: false });
  });
}

module.exports = { closeAll };
