import { Test } from '@nestjs/testing';
import { getConnectionToken, getModelToken } from '@nestjs/mongoose';
import { TransactionService } from '../common/transaction.service';
import { OrdersService } from './orders.service';

describe('OrdersService', () => {
  let service: OrdersService;
  const session = { startTransaction: jest.fn(), commitTransaction: jest.fn(), abortTransaction: jest.fn(), endSession: jest.fn() };
  const orderModel = { create: jest.fn() };
  const transactions = { commitAndEnd: jest.fn(), abortAndEnd: jest.fn() };

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [
        OrdersService,
        { provide: TransactionService, useValue: transactions },
        { provide: getConnectionToken(), useValue: { startSession: jest.fn().mockResolvedValue(session) } },
        { provide: getModelToken('Order'), useValue: orderModel },
      ],
    }).compile();
    service = moduleRef.get(OrdersService);
  });

  it('aborts when the order cannot be created', async () => {
    orderModel.create.mockRejectedValue(new Error('invalid'));
    await expect(service.place('c1', 3)).rejects.toThrow('invalid');
    expect(transactions.abortAndEnd).toHaveBeenCalledWith(session);
  });
});
