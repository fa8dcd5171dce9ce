const mongoose = require('mongoose');
const Story = mongoose.model('Story');

// Mongoose's own populate tests open the transaction in beforeEach and commit it in afterEach:
// wrapping the first half in transaction() would commit it at once.
let session = null;

beforeEach(() =>
  mongoose.startSession().then((_session) => {
    session = _session;
    session.startTransaction();
    return Story.create([{ title: 'draft' }], { session });
  }),
);

afterEach(() => session.commitTransaction().then(() => session.endSession()));
