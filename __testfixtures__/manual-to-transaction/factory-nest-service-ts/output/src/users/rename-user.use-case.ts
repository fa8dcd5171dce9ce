import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { TransactionService } from '../common/transaction.service';
import { UsersRepository } from './users.repository';

@Injectable()
export class RenameUser {
  private readonly logger = new Logger(RenameUser.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly users: UsersRepository,
    readonly transactions: TransactionService,
  ) {}

  async execute(username: string, next: string): Promise<void> {
    try {
      await this.connection.transaction(async (session) => {
        await this.users.rename(username, next, session);
      });
    } catch (error) {
      this.logger.error(`rename failed: ${String(error)}`);
      throw error;
    }
  }
}
