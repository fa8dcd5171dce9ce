const assert = require('assert');
const mongoose = require('mongoose');

// The test suite exercises AsyncLocalStorage on an instance of its own.
describe('transactions with AsyncLocalStorage', function () {
  let m;

  before(async function () {
    m = new mongoose.Mongoose();
    m.set('transactionAsyncLocalStorage', true);
    await m.connect(process.env.MONGO_URI);
  });

  after(() => m.disconnect());

  it('runs operations in the transaction without passing the session', async function () {
    const Test = m.model('Test', new m.Schema({ name: String }));
    await m.connection.transaction(async () => {
      await Test.create([{ name: 'a' }]);
      await Test.updateOne({ name: 'a' }, { name: 'b' });
    });
    assert.equal(await Test.countDocuments({ name: 'b' }), 1);
  });

  it('keeps sessions on the default instance, which has no AsyncLocalStorage', async function () {
    const Other = mongoose.model('Other', new mongoose.Schema({ name: String }));
    await m.connection.transaction(async (session) => {
      await Other.create([{ name: 'c' }], { session });
    });
  });
});
