import { Injectable } from '@nestjs/common';
import { TransactionService } from '../common/transaction.service';
import { User, UsersRepository } from './users.repository';

@Injectable()
export class CreateUser {
  constructor(
    private readonly users: UsersRepository,
    private readonly transactions: TransactionService,
  ) {}

  async execute(user: User): Promise<void> {
    const session = await this.transactions.startTransaction();
    try {
      await session.withTransaction(async () => {
        await this.users.create(user, session);
      });
    } finally {
      await session.endSession();
    }
  }
}
