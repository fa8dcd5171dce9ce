const Activity = require('../models/activity');
const Notification = require('../models/notification');
const User = require('../models/user');

const logger = console;

// Best-effort bookkeeping: a failure is logged and passed over.
async function record(userId, kind) {
  await Activity.create([{ user: userId, kind }]).catch((err) => logger.warn('activity not recorded', err));
}

async function notify(userId, text) {
  try {
    await Notification.create([{ user: userId, text }]);
  } catch (err) {
    logger.error('notification not saved', err);
  }
}

// The counter is a plain write; only the notification after it is best-effort.
async function bumpOrders(userId) {
  await User.updateOne({ _id: userId }, { $inc: { orders: 1 } });
  await Notification.create([{ user: userId, text: 'thanks' }]).catch(() => {});
}

// `.catch()` without a handler passes the failure on: a plain write.
async function touch(userId) {
  await User.updateOne({ _id: userId }, { $set: { lastOrderAt: new Date() } }).catch();
}

async function stamp(userId) {
  await User.updateOne({ _id: userId }, { $set: { lastOrderAt: new Date() } });
}

module.exports = { record, notify, bumpOrders, touch, stamp };
