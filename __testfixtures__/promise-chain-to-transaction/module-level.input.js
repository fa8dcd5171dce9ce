const mongoose = require('mongoose');
const Plan = require('./models/plan');

// Seed script: the chain runs when the file is loaded.
let session;
mongoose
  .connect(process.env.MONGO_URI)
  .then(() => mongoose.startSession())
  .then((s) => {
    session = s;
    session.startTransaction();
    return Plan.insertMany([{ name: 'free' }, { name: 'pro' }], { session });
  })
  .then(() => session.commitTransaction())
  .then(() => session.endSession())
  .then(() => mongoose.disconnect());
