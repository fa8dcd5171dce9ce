jest.mock('../src/utils/db');

const db = require('../src/utils/db');
const orderRepository = require('../src/repositories/order.repository');
const { placeOrder } = require('../src/services/order.service');

describe('placeOrder', () => {
  let session;

  beforeEach(() => {
    session = { startTransaction: jest.fn(), commitTransaction: jest.fn(), abortTransaction: jest.fn(), endSession: jest.fn() };
    db.getTxSession.mockResolvedValue(session);
    jest.spyOn(orderRepository, 'getSession').mockResolvedValue({ customer: 'ann' });
    jest.spyOn(orderRepository, 'reserve').mockResolvedValue({});
    jest.spyOn(orderRepository, 'create').mockResolvedValue({ item: 'rye', qty: 2 });
  });

  it('commits and ends the session', async () => {
    await placeOrder('t0k3n', 'rye', 2);
    expect(session.commitTransaction).toHaveBeenCalled();
    expect(session.endSession).toHaveBeenCalledTimes(1);
  });

  it('aborts when the stock is gone', async () => {
    orderRepository.reserve.mockRejectedValue(new Error('rye is sold out'));
    await expect(placeOrder('t0k3n', 'rye', 2)).rejects.toThrow('sold out');
    expect(session.abortTransaction).toHaveBeenCalled();
  });
});
