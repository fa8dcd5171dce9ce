import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Account {
  email: string;
  password: string;
  verified: boolean;
}

interface Mailer {
  send(to: string, subject: string): Promise<void>;
}

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Account') private readonly accounts: Model<Account>,
    private readonly mailer: Mailer,
  ) {}

  // The preparation between startTransaction() and the try can throw, and the body mails the
  // user: two reasons for one site, given in one finding.
  async updatePassword(email: string, password: string): Promise<void> {
    const transactionSession = await this.connection.startSession();
    transactionSession.startTransaction();
    const account = await this.accounts.findOne({ email }).session(transactionSession);
    if (!account) throw new Error('Account not found');
    const hashed = this.hash(password);
    try {
      await this.accounts.updateOne({ email }, { password: hashed }, { session: transactionSession });
      await this.mailer.send(email, 'Your password was changed');
      await transactionSession.commitTransaction();
    } catch (error) {
      this.logger.error(error);
      if (transactionSession.inTransaction()) await transactionSession.abortTransaction();
      throw error;
    } finally {
      await transactionSession.endSession();
    }
  }

  private hash(password: string): string {
    if (password.length < 8) throw new Error('Password too short');
    return Buffer.from(password).toString('base64');
  }
}
