const { reportsDb } = require('../db');
const Report = require('../models/report');
const { snapshots } = require('../models/snapshot');

async function publishReport(reportId, userId) {
  const report = await reportsDb.transaction(async (session) => {
    const report = await Report.findByIdAndUpdate(reportId, { status: 'published', publishedBy: userId }, { new: true, session });
    await snapshots.create([{ report: reportId, body: report.body }], { session });
    return report;
  });
  return report;
}

// The snapshot model's own connection runs the transaction.
async function archiveReport(reportId) {
  await snapshots.db.transaction(async (session) => {
    await Report.updateOne({ _id: reportId }, { status: 'archived' }, { session });
    await snapshots.deleteMany({ report: reportId }, { session });
  });
}

module.exports = { publishReport, archiveReport };
