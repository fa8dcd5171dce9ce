import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClientSession, Model } from 'mongoose';

export interface Account {
  owner: string;
  balance: number;
}

@Injectable()
export class AccountsRepository {
  constructor(@InjectModel('Account') private readonly accounts: Model<Account>) {}

  openSession(): Promise<ClientSession> {
    return this.accounts.startSession();
  }

  async move(owner: string, amount: number, session: ClientSession): Promise<void> {
    await this.accounts.updateOne({ owner }, { $inc: { balance: amount } }, { session });
  }
}
