import { ClientSession, Connection } from 'mongoose';
import { WalletService } from '../src/wallet/wallet.service';

// A NestJS unit test: the connection and its sessions are hand-made doubles. The test starts a
// "session" from the fake connection and hands it to the service, which ends it itself.
describe('WalletService', () => {
  const mockSession = {
    startTransaction: jest.fn(),
    commitTransaction: jest.fn().mockResolvedValue(undefined),
    abortTransaction: jest.fn().mockResolvedValue(undefined),
    inTransaction: jest.fn().mockReturnValue(true),
    endSession: jest.fn(),
  };
  const mockConnection = { startSession: jest.fn().mockResolvedValue(mockSession) } as unknown as Connection;
  let session: ClientSession;
  let service: WalletService;

  beforeEach(() => {
    jest.clearAllMocks();
    session = { ...mockSession, endSession: jest.fn() } as unknown as ClientSession;
    service = new WalletService(mockConnection);
  });

  it('debits inside the caller transaction', async () => {
    const started = await mockConnection.startSession();
    started.startTransaction();
    await service.debit(started, 'ann', 10);
    await started.commitTransaction();
    expect(mockSession.endSession).toHaveBeenCalledTimes(1);
  });

  it('aborts when the debit fails', async () => {
    session.startTransaction();
    try {
      await service.debit(session, 'ann', 1e9);
      await session.commitTransaction();
    } catch {
      await session.abortTransaction();
    }
    expect(session.abortTransaction).toHaveBeenCalledTimes(1);
  });
});
