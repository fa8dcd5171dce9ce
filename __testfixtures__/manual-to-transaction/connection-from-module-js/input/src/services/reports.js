const { reportsDb } = require('../db');
const Report = require('../models/report');
const { snapshots } = require('../models/snapshot');

async function publishReport(reportId, userId) {
  const session = await reportsDb.startSession();
  try {
    session.startTransaction();
    const report = await Report.findByIdAndUpdate(reportId, { status: 'published', publishedBy: userId }, { new: true, session });
    await snapshots.create([{ report: reportId, body: report.body }], { session });
    await session.commitTransaction();
    return report;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

// The snapshot model's own connection runs the transaction.
async function archiveReport(reportId) {
  const session = await snapshots.startSession();
  session.startTransaction();
  try {
    await Report.updateOne({ _id: reportId }, { status: 'archived' }, { session });
    await snapshots.deleteMany({ report: reportId }, { session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { publishReport, archiveReport };
