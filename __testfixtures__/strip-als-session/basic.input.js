const mongoose = require('mongoose');
const Ticket = mongoose.model('Ticket');

async function closeAll(owner) {
  await mongoose.connection.transaction(async (session) => {
    const open = await Ticket.find({ owner, status: 'open' }).session(session).lean();
    await Ticket.updateMany({ _id: { $in: open.map((t) => t._id) } }, { status: 'closed' }, { session });
    await Ticket.bulkWrite([{ deleteMany: { filter: { owner, status: 'spam' } } }], { session, ordered: false });
  });
}

// The connection reached through a model, and one made with createConnection().
async function reopen(id) {
  await Ticket.db.transaction(async (session) => {
    await Ticket.updateOne({ _id: id }, { status: 'open' }, { session });
  });
}

const reports = mongoose.createConnection(process.env.REPORTS_URI);
const Report = reports.model('Report', new mongoose.Schema({ ticket: String }));

async function fileReport(ticket) {
  await reports.transaction(async (session) => {
    await Report.create([{ ticket }], { session });
  });
}

module.exports = { closeAll, reopen, fileReport };
