import mongoose from 'mongoose';
import { Order } from './order.model';
import { placeOrder } from './orders.service';
import { abortAndEnd, commitAndEnd } from '../utils/transaction';

jest.mock('../utils/transaction');

describe('placeOrder', () => {
  const session = { startTransaction: jest.fn(), commitTransaction: jest.fn(), abortTransaction: jest.fn(), endSession: jest.fn() };

  beforeEach(() => {
    jest.spyOn(mongoose, 'startSession').mockResolvedValue(session as never);
  });

  it('commits', async () => {
    jest.spyOn(Order, 'create').mockResolvedValue([{ customerId: 'c1', total: 3 }] as never);
    (commitAndEnd as jest.Mock).mockResolvedValue(undefined);
    await placeOrder('c1', 3);
    expect(commitAndEnd).toHaveBeenCalledWith(session);
  });

  it('aborts', async () => {
    jest.spyOn(Order, 'create').mockRejectedValue(new Error('boom'));
    jest.mocked(abortAndEnd).mockResolvedValue(undefined);
    await expect(placeOrder('c1', 3)).rejects.toThrow('boom');
    expect(abortAndEnd).toHaveBeenCalledWith(session);
  });
});
