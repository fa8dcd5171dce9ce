const mongoose = require('mongoose');
const { orderSchema, pageViewSchema, dailyReportSchema } = require('./schemas');

const Order = mongoose.model('Order', orderSchema);
// Analytics go to another cluster: a client of its own, whose models cannot take the default connection's sessions.
const analytics = mongoose.createConnection(process.env.ANALYTICS_URI);
const PageView = analytics.model('PageView', pageViewSchema);
// Another database on the default connection's client: its models share that client's sessions.
const DailyReport = mongoose.connection.useDb('reports').model('DailyReport', dailyReportSchema);

async function placeOrder(data) {
  await mongoose.connection.transaction(async (session) => {
    await Order.create([data], { session });
    await PageView.create([{ page: 'checkout', at: new Date() }]);
    await DailyReport.updateOne({ day: data.day }, { $inc: { orders: 1 } }, { upsert: true });
  });
}

async function trackVisit(visit) {
  const session = await analytics.startSession();
  session.startTransaction();
  try {
    await PageView.create([visit]);
    await Order.updateOne({ _id: visit.order }, { $set: { visited: true } });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

module.exports = { placeOrder, trackVisit };
