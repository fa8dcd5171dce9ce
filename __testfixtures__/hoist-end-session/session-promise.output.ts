import { ClientSession, Connection, Model } from 'mongoose';

interface Transfer {
  from: string;
  to: string;
  amount: number;
}

// Service layer: the session promise is kept while the request is checked, then awaited.
export class TransferService {
  constructor(
    private readonly connection: Connection,
    private readonly accounts: Model<{ owner: string; balance: number }>,
  ) {}

  async transfer(request: Transfer): Promise<void> {
    const pending: Promise<ClientSession> = this.connection.startSession();
    if (request.amount <= 0) throw new Error('amount must be positive');
    const session = await pending;
    session.startTransaction();
    try {
      await this.accounts.updateOne({ owner: request.from }, { $inc: { balance: -request.amount } }, { session });
      await this.accounts.updateOne({ owner: request.to }, { $inc: { balance: request.amount } }, { session });
      await session.commitTransaction();
    } catch (error) {
      if (session.inTransaction()) await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
