import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Account {
  owner: string;
  balance: number;
}

@Injectable()
export class PaymentsService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Account') private readonly accounts: Model<Account>,
  ) {}

  async pay(payer: string, payee: string, amount: number): Promise<number> {
    const source = await this.connection.transaction(async (session) => {
      const source = await this.accounts.findOne({ owner: payer }).session(session);
      if (!source) {
        throw new NotFoundException('Payer account not found');
      }
      if (source.balance < amount) {
        throw new BadRequestException('Insufficient balance');
      }
      await this.accounts.updateOne({ owner: payer }, { $inc: { balance: -amount } }, { session });
      await this.accounts.updateOne({ owner: payee }, { $inc: { balance: amount } }, { session });
      return source;
    });
    return source.balance - amount;
  }
}
