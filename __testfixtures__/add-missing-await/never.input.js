const mongoose = require('mongoose');
const { MongoClient } = require('mongodb');
const Order = mongoose.model('Order');
const jobs = require('./jobs');

const client = new MongoClient(process.env.MONGODB_URI);

// Each call below is already handled: awaited, stored and awaited later, voided, passed on,
// returned, or synchronous.
async function settle(ids) {
  await mongoose.connection.transaction(async (session) => {
    await Order.updateMany({ _id: { $in: ids } }, { settled: true }, { session });
    const pending = Order.create([{ kind: 'settlement', ids }], { session });
    void Order.updateOne({ _id: ids[0] }, { first: true }, { session }).exec();
    jobs.track(Order.deleteMany({ _id: { $in: ids }, draft: true }, { session }));
    await pending;
    const query = Order.find({ _id: { $in: ids } });
    query.session(session);
    query.lean();
    await query;
    return Order.countDocuments({ settled: true }).session(session);
  });
  const driverSession = client.startSession();
  driverSession.startTransaction();
  await client.db().collection('orders').updateOne({ _id: ids[0] }, { $set: { audited: true } }, { session: driverSession });
  await driverSession.commitTransaction();
  await driverSession.endSession();
}

module.exports = { settle };
