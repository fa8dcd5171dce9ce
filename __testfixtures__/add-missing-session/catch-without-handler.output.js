const mongoose = require('mongoose');
const App = require('../models/app');
const Trigger = require('../models/trigger');

// Scheduling an app's next run: `.catch()` with no handler lets a failure through, so the write is
// not a best-effort one and takes the transaction's session like any other.
exports.schedule = async (appId, nextTime) => {
  await mongoose.connection.transaction(async (session) => {
    const app = await App.findById(appId).session(session);
    app.nextRunAt = nextTime;
    await app.save().catch();
    await Trigger.updateOne({ app: appId }, { $set: { nextRunAt: nextTime } }, { session }).catch();
  });
};
