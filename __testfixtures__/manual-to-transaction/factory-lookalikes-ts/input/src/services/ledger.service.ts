import mongoose from 'mongoose';
import { LedgerRepo } from '../repositories/ledger.repo';

interface Entry {
  account: string;
  amount: number;
}

export class LedgerService {
  private repo: LedgerRepo;

  constructor() {
    this.repo = new LedgerRepo();
  }

  async record(entry: Entry): Promise<void> {
    const session = await this.repo.sessionStart();
    try {
      await session('entries').insert(entry);
      await session.commit();
    } catch (error) {
      await session.rollback();
      throw error;
    }
  }

  async move(entry: Entry): Promise<void> {
    const session = await this.repo.currentSession();
    session.startTransaction();
    try {
      await mongoose.connection.collection('entries').insertOne(entry, { session });
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    }
  }
}
