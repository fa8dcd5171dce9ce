import { Test } from '@nestjs/testing';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { TransactionService } from '../common/transaction.service';
import { OrdersService } from './orders.service';

describe('OrdersService', () => {
  let service: OrdersService;
  let transactions: TransactionService;
  const session = { startTransaction: jest.fn(), commitTransaction: jest.fn(), abortTransaction: jest.fn(), endSession: jest.fn() };
  const orderModel = { create: jest.fn() };

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [
        OrdersService,
        TransactionService,
        { provide: getConnectionToken(), useValue: { startSession: jest.fn().mockResolvedValue(session) } },
        { provide: getModelToken('Order'), useValue: orderModel },
      ],
    }).compile();
    service = moduleRef.get(OrdersService);
    transactions = moduleRef.get(TransactionService);
  });

  it('aborts when the order cannot be created', async () => {
    orderModel.create.mockRejectedValue(new Error('invalid'));
    const abortAndEnd = jest.spyOn(transactions, 'abortAndEnd').mockResolvedValue();
    await expect(service.place('c1', 3)).rejects.toThrow('invalid');
    expect(abortAndEnd).toHaveBeenCalledWith(session);
  });

  it('commits', async () => {
    orderModel.create.mockResolvedValue([{ customerId: 'c1', total: 3 }]);
    const commitAndEnd = jest.spyOn(transactions, 'commitAndEnd').mockResolvedValue();
    await service.place('c1', 3);
    expect(commitAndEnd).toHaveBeenCalledWith(session);
  });
});
