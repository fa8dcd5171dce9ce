import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ClientSession, Connection } from 'mongoose';

@Injectable()
export class TransactionService {
  private readonly logger = new Logger(TransactionService.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async run<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
    try {
      let result2!: T;
      await this.connection.transaction(async (session) => {
        const result = await fn(session);
        result2 = result;
      });
      return result2;
    } catch (error) {
      this.logger.warn(`transaction aborted: ${String(error)}`);
      throw error;
    }
  }
}
