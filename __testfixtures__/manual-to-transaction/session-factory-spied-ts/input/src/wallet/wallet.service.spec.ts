import { Ledger, Wallet } from '../models/wallet';
import { WalletService } from './wallet.service';

describe('WalletService.topUp', () => {
  const session = { startTransaction: jest.fn(), commitTransaction: jest.fn(), abortTransaction: jest.fn(), endSession: jest.fn() };

  beforeEach(() => {
    jest.spyOn(WalletService.prototype, 'sessionStart').mockResolvedValue(session as never);
    jest.spyOn(Ledger, 'create').mockResolvedValue([] as never);
  });

  it('commits and ends the session', async () => {
    jest.spyOn(Wallet, 'findOneAndUpdate').mockResolvedValue({ balance: 80 } as never);
    await expect(new WalletService().topUp('ann', 30)).resolves.toBe(80);
    expect(session.commitTransaction).toHaveBeenCalled();
    expect(session.endSession).toHaveBeenCalled();
  });
});
