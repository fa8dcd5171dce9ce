const assert = require('assert');
const mongoose = require('mongoose');
const Booking = require('../models/booking');

// A test that checks what create() does without ordered: true, and a write it expects to fail
// outside the transaction: both are the code under test, as written.
describe('bookings', function () {
  it('needs ordered with a session and several documents', async function () {
    const session = await mongoose.startSession();
    session.startTransaction();
    const rows = [{ slot: 1 }, { slot: 2 }];
    await Booking.create(rows, { session, ordered: true });
    await assert.rejects(Booking.create(rows, { session }), /ordered: true/);
    await assert.rejects(async () => {
      await Booking.updateOne({ slot: 1 }, { $set: { slot: 'x' } });
    });
    await session.abortTransaction();
    await session.endSession();
  });

  it('counts', async function () {
    const session = await mongoose.startSession();
    session.startTransaction();
    expect(await Booking.create([{ slot: 3 }, { slot: 4 }], { session })).toHaveLength(2);
    await session.commitTransaction();
    await session.endSession();
  });
});
