const transactionHelper = require('../services/util/transaction-helper');
const Booking = require('../models/booking');
const bookingController = require('../controllers/booking');

describe('cancel', () => {
  beforeEach(() => {
    transactionHelper.startTransaction = jest.fn().mockResolvedValue({});
    transactionHelper.commitTransaction = jest.fn();
    transactionHelper.abortTransaction = jest.fn();
    Booking.updateOne = jest.fn().mockResolvedValue({ modifiedCount: 1 });
  });

  it('commits', async () => {
    const res = { json: jest.fn(), status: jest.fn().mockReturnThis() };
    await bookingController.cancel({ params: { id: 'b1' } }, res);
    expect(transactionHelper.commitTransaction).toHaveBeenCalled();
    expect(res.json).toHaveBeenCalledWith({ ok: true });
  });
});
