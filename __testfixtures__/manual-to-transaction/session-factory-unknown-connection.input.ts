import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClientSession, Model } from 'mongoose';

interface Wallet {
  user: string;
  balance: number;
}

// The model's connection is whatever Nest injects: a session comes from it, not from a name this file knows.
@Injectable()
export class WalletRepository {
  constructor(@InjectModel('Wallet') private readonly model: Model<Wallet>) {}

  async startSession(): Promise<ClientSession> {
    return this.model.db.startSession();
  }

  async credit(userId: string, amount: number): Promise<void> {
    const session = await this.startSession();
    session.startTransaction();
    try {
      await this.model.updateOne({ user: userId }, { $inc: { balance: amount } }, { session });
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      session.endSession();
    }
  }
}
