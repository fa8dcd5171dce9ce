import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, Model, Types } from 'mongoose';
import { Fine, FineDocument } from './fine.schema';
import { LedgerService } from '../ledger/ledger.service';

export interface CommandOptions {
  session?: ClientSession;
}

@Injectable()
export class FineService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(Fine.name) private readonly fineModel: Model<FineDocument>,
    private readonly ledger: LedgerService,
  ) {}

  // Uses the caller's session when given one, else runs a transaction of its own.
  async issueFine(accountId: string, amount: number, options?: CommandOptions): Promise<FineDocument> {
    const session = options?.session ?? await this.connection.startSession();
    const isExternalSession = !!options?.session;

    if (!isExternalSession) {
      session.startTransaction();
    }

    try {
      const fine = new this.fineModel({ account: new Types.ObjectId(accountId), amount });
      await fine.save({ session });

      const entry = await this.ledger.record(accountId, -amount, { session });
      fine.ledgerEntry = entry._id;
      await fine.save({ session });

      if (!isExternalSession) {
        await session.commitTransaction();
      }

      return fine;
    } catch (error) {
      if (!isExternalSession) {
        await session.abortTransaction();
      }
      throw error;
    } finally {
      if (!isExternalSession) {
        session.endSession();
      }
    }
  }
}
