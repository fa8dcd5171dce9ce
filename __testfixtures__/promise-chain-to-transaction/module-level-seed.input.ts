import mongoose from 'mongoose';

const Region = mongoose.model('Region', new mongoose.Schema({ code: String }));

// A migration run with ts-node: no function around the chain.
mongoose.startSession().then((session) => {
  session.startTransaction();
  return Region.insertMany([{ code: 'eu' }, { code: 'us' }], { session })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
});
