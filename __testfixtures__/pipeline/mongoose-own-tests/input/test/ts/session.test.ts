import assert from 'assert';
import mongoose, { Schema } from '../../';

describe('sessions', function() {
  it('commits what the session wrote', async function() {
    const Order = mongoose.model('Order', new Schema({ total: Number }));
    const session = await mongoose.startSession();
    try {
      session.startTransaction();
      await Order.create([{ total: 10 }], { session });
      await session.commitTransaction();
    } finally {
      await session.endSession();
    }
    assert.strictEqual(await Order.countDocuments(), 1);
  });
});
