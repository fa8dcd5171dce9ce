import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClientSession, Model, Types } from 'mongoose';
import { TransactionService } from '../common/transaction.service';
import { WalletsService } from '../wallets/wallets.service';

interface Transfer {
  _id: Types.ObjectId;
  from: string;
  to: string;
  amount: number;
}

@Injectable()
export class TransfersService {
  constructor(
    @InjectModel('Transfer') private readonly transfers: Model<Transfer>,
    private readonly wallets: WalletsService,
    private readonly transactionService: TransactionService,
  ) {}

  async transfer(from: string, to: string, amount: number): Promise<string> {
    if (amount <= 0) throw new BadRequestException('amount must be positive');
    const id = await this.transactionService.run((session) => this.record(from, to, amount, session));
    return String(id);
  }

  private async record(from: string, to: string, amount: number, session: ClientSession): Promise<Types.ObjectId> {
    await this.wallets.credit(from, -amount, session);
    await this.wallets.credit(to, amount, session);
    const [transfer] = await this.transfers.create([{ from, to, amount }], { session });
    return transfer._id;
  }
}
