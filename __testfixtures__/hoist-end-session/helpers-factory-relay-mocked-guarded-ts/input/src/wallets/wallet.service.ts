import { Injectable, Logger } from '@nestjs/common';
import { WalletRepository } from './wallet.repository';

@Injectable()
export class WalletService {
  private readonly logger = new Logger(WalletService.name);

  constructor(private readonly walletRepository: WalletRepository) {}

  async transfer(from: string, to: string, amount: number): Promise<number> {
    const statementSession = await this.walletRepository.getStatementSession(from);
    if (!statementSession) throw new Error(`no wallet for ${from}`);
    const session = await this.walletRepository.beginTx();
    try {
      const source = await this.walletRepository.move(from, -amount, session);
      await this.walletRepository.move(to, amount, session);
      await session.commitTransaction();
      return source.balance;
    } catch (error) {
      this.logger.error(`transfer failed: ${(error as Error).message}`);
      if (session.inTransaction()) await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
