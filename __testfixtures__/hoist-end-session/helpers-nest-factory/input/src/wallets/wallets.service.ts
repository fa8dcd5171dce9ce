import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { UnitOfWork } from '../common/unit-of-work.service';

interface Wallet {
  owner: string;
  balance: number;
}

@Injectable()
export class WalletsService {
  constructor(
    @InjectModel('Wallet') private readonly walletModel: Model<Wallet>,
    private readonly uow: UnitOfWork,
  ) {}

  async transfer(from: string, to: string, amount: number): Promise<void> {
    const session = await this.uow.begin();
    try {
      await this.walletModel.updateOne({ owner: from }, { $inc: { balance: -amount } }, { session });
      await this.walletModel.updateOne({ owner: to }, { $inc: { balance: amount } }, { session });
      await this.uow.complete(session);
    } catch (error) {
      await this.uow.rollback(session);
      throw error;
    }
  }
}
