import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { TransactionUtil } from '../common/transaction.util';
import { AccountsRepository } from './accounts.repository';

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly accountsRepository: AccountsRepository,
  ) {}

  async transfer(from: string, to: string, amount: number): Promise<void> {
    try {
      await this.connection.transaction(async (session) => {
        await this.accountsRepository.move(from, -amount, session);
        await this.accountsRepository.move(to, amount, session);
      });
    } catch (error) {
      this.logger.error(`transfer failed: ${String(error)}`);
      throw error;
    }
  }

  async refund(owner: string, amount: number): Promise<void> {
    const { session } = await TransactionUtil.startTransaction(this.connection);
    try {
      await this.accountsRepository.move(owner, amount, session);
      await session.commitTransaction();
    } catch (error) {
      await TransactionUtil.abortTransaction(session);
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
