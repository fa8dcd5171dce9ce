import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';

interface Ledger {
  transaction(work: (manager: { save(row: object): Promise<void> }) => Promise<void>): Promise<void>;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly dataSource: Ledger,
  ) {}

  // The catch swallows the error; the body runs a transaction of another database. The reason
  // given is that call, in the run that also guards the abort.
  async verifyEmail(account: object, verification: object): Promise<void> {
    const transactionSession = await this.connection.startSession();
    transactionSession.startTransaction();

    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.save(account);
        await manager.save(verification);
      });
      await transactionSession.commitTransaction();
    } catch (e) {
      await transactionSession.abortTransaction();
    } finally {
      await transactionSession.endSession();
    }
  }
}
