'use strict';

const assert = require('assert');
const start = require('../common');

const mongoose = start.mongoose;
const Schema = mongoose.Schema;

describe('transactions', function() {
  let db;

  before(function() {
    db = start();
  });

  it('basic example', function() {
    const Customer = db.model('Customer', new Schema({ name: String }));

    let session = null;
    return Customer.createCollection().
      then(() => db.startSession()).
      then(_session => {
        session = _session;
        // Start a transaction
        session.startTransaction();
        return Customer.create([{ name: 'Test' }], { session: session });
      }).
      then(() => Customer.findOne({ name: 'Test' }).session(session)).
      then(doc => assert.ok(doc)).
      then(() => session.commitTransaction()).
      then(() => session.endSession());
  });

  it('abort', async function() {
    const Customer = db.model('Customer0', new Schema({ name: String }));
    await Customer.createCollection();
    const session = await Customer.startSession();
    try {
      session.startTransaction();
      await Customer.create([{ name: 'Test' }], { session });
      await Customer.create([{ name: 'Test2' }], { session });
      await session.commitTransaction();
    } finally {
      await session.endSession();
    }
    assert.strictEqual(await Customer.countDocuments(), 2);
  });
});
