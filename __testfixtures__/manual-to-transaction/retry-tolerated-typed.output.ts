import { Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model, Types } from 'mongoose';

interface Entry {
  _id: Types.ObjectId;
  account: string;
  amount: number;
  reference: string;
}

interface Account {
  owner: string;
  balance: number;
}

// What a retry may repeat without harm: the Nest logger, a fresh id from the global crypto, an
// error built for a throw (the throw aborts the run anyway), and a method of this class that
// only builds the entry.
@Injectable()
export class LedgerService {
  private readonly logger = new Logger(LedgerService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Account') private readonly accountModel: Model<Account>,
    @InjectModel('Entry') private readonly entryModel: Model<Entry>,
  ) {}

  private buildEntry(account: string, amount: number): Entry {
    const id = new Types.ObjectId();
    const reference = `LED-${id.toHexString().slice(-8).toUpperCase()}`;
    return { _id: id, account, amount, reference };
  }

  private notFound(owner: string): NotFoundException {
    return new NotFoundException(`No account for ${owner}`);
  }

  async credit(owner: string, amount: number): Promise<string> {
    try {
      const entry = await this.connection.transaction(async (session) => {
        const account = await this.accountModel.findOne({ owner }).session(session);
        if (!account) throw this.notFound(owner);
        account.balance += amount;
        await account.save({ session });
        const entry = this.buildEntry(owner, amount);
        await this.entryModel.create([{ ...entry, batch: crypto.randomUUID() }], { session });
        this.logger.log(`credited ${amount} to ${owner} (${entry.reference})`);
        return entry;
      });
      return entry.reference;
    } catch (error) {
      this.logger.error(`credit failed for ${owner}`, error);
      throw error;
    }
  }
}
