const mongoose = require('mongoose');
const Ticket = mongoose.model('Ticket');

async function closeAll(owner) {
  await mongoose.connection.transaction(async () => {
    const open = await Ticket.find({ owner, status: 'open' }).lean();
    await Ticket.updateMany({ _id: { $in: open.map((t) => t._id) } }, { status: 'closed' });
    await Ticket.bulkWrite([{ deleteMany: { filter: { owner, status: 'spam' } } }], { ordered: false });
  });
}

// The connection reached through a model, and one made with createConnection().
async function reopen(id) {
  await Ticket.db.transaction(async () => {
    await Ticket.updateOne({ _id: id }, { status: 'open' });
  });
}

const reports = mongoose.createConnection(process.env.REPORTS_URI);
const Report = reports.model('Report', new mongoose.Schema({ ticket: String }));

async function fileReport(ticket) {
  await reports.transaction(async () => {
    await Report.create([{ ticket }]);
  });
}

module.exports = { closeAll, reopen, fileReport };
