import axios from 'axios';
import { Connection, Model } from 'mongoose';

export interface Wallet {
  user: string;
  balance: number;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export class WalletService {
  constructor(
    private readonly connection: Connection,
    private readonly wallets: Model<Wallet>,
  ) {}

  // The method aborts before it throws: transaction() would abort a second time.
  async withdraw(user: string, amount: number): Promise<number> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const wallet = await this.wallets.findOne({ user }).session(session);
      if (!wallet || wallet.balance < amount) await this.fail(session, 'Insufficient balance');
      await this.wallets.updateOne({ user }, { $inc: { balance: -amount } }, { session });
      await session.commitTransaction();
      return wallet!.balance - amount;
    } catch (error) {
      if (session.inTransaction()) await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }

  // The method given the session also calls a webhook, which a retry would call again.
  async deposit(user: string, amount: number): Promise<void> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const wallet = await this.wallets.findOne({ user }).session(session);
      if (!wallet) throw new HttpError(404, 'Wallet not found');
      await this.credit(session, user, amount);
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }

  private async fail(session: import('mongoose').ClientSession, message: string): Promise<never> {
    await session.abortTransaction();
    throw new HttpError(400, message);
  }

  private async credit(session: import('mongoose').ClientSession, user: string, amount: number): Promise<void> {
    await this.wallets.updateOne({ user }, { $inc: { balance: amount } }, { session });
    await axios.post('https://hooks.example.com/credited', { user, amount });
  }
}
