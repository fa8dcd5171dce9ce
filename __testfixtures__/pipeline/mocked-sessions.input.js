const mongoose = require('mongoose');
const { placeOrder } = require('../src/services/order.service');
const Order = require('../src/models/order');

jest.mock('../src/models/order');

// A unit test of code that manages its own transaction: startSession() is a jest double, so the
// session the test takes from it is one too. The test counts the calls the code under test makes;
// nothing here may be ended, guarded or awaited for it.
describe('placeOrder', () => {
  let session;

  beforeEach(() => {
    jest.clearAllMocks();
    session = {
      startTransaction: jest.fn(),
      commitTransaction: jest.fn().mockResolvedValue(undefined),
      abortTransaction: jest.fn().mockResolvedValue(undefined),
      endSession: jest.fn(),
    };
    mongoose.startSession = jest.fn().mockResolvedValue(session);
  });

  it('commits and ends the session once', async () => {
    Order.create.mockResolvedValue([{ _id: 'o1' }]);
    await placeOrder({ items: [{ sku: 'pen', qty: 1 }] });
    expect(session.commitTransaction).toHaveBeenCalledTimes(1);
    expect(session.endSession).toHaveBeenCalledTimes(1);
  });

  it('drives the session by hand', async () => {
    const s = await mongoose.startSession();
    s.startTransaction();
    await placeOrder({ items: [] }, s);
    s.commitTransaction();
    expect(session.endSession).not.toHaveBeenCalled();
  });

  it('spies on the connection', async () => {
    jest.spyOn(mongoose.connection, 'startSession').mockResolvedValue(session);
    const s = await mongoose.connection.startSession();
    try {
      s.startTransaction();
      await Order.create([{ items: [] }], { session: s });
      await s.commitTransaction();
    } catch (err) {
      await s.abortTransaction();
    }
    expect(session.abortTransaction).not.toHaveBeenCalled();
  });
});
