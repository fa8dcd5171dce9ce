import { Test } from '@nestjs/testing';
import { getModelToken } from '@nestjs/mongoose';
import * as db from '../utils/db';
import { WalletRepository } from './wallet.repository';
import { WalletService } from './wallet.service';
import { Wallet } from './wallet.schema';

describe('WalletService', () => {
  const session = { startTransaction: jest.fn(), commitTransaction: jest.fn(), abortTransaction: jest.fn(), endSession: jest.fn() };
  let service: WalletService;
  let repository: WalletRepository;

  beforeEach(async () => {
    jest.spyOn(db, 'getTxSession').mockResolvedValue(session as any);
    const moduleRef = await Test.createTestingModule({
      providers: [WalletService, WalletRepository, { provide: getModelToken(Wallet.name), useValue: {} }],
    }).compile();
    service = moduleRef.get(WalletService);
    repository = moduleRef.get(WalletRepository);
    jest.spyOn(repository, 'getStatementSession').mockResolvedValue({} as any);
  });

  it('aborts when the source wallet cannot pay', async () => {
    jest.spyOn(repository, 'move').mockRejectedValueOnce(new Error('wallet of ann cannot move -50'));
    await expect(service.transfer('ann', 'bob', 50)).rejects.toThrow('cannot move');
    expect(session.abortTransaction).toHaveBeenCalled();
    expect(session.endSession).toHaveBeenCalled();
  });
});
