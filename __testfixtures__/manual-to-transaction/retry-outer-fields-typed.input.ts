import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, HydratedDocument, Model } from 'mongoose';

interface Key {
  customer: string;
  value: string;
  isPrimary: boolean;
}

// The new key comes from the caller. The body compares ids and flips isPrimary: a second run
// reads the same ids and sets the same flag. The keys by customer are grouped with ??=.
@Injectable()
export class PrimaryKeyService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Key') private readonly keyModel: Model<Key>,
  ) {}

  async makePrimary(newKey: HydratedDocument<Key>): Promise<string[]> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const current = await this.keyModel.findOne({ customer: newKey.customer, isPrimary: true }).session(session);
      if (current && !current._id.equals(newKey._id)) {
        current.isPrimary = false;
        await current.save({ session });
      }
      newKey.isPrimary = true;
      await newKey.save({ session });
      const keys = await this.keyModel.find({ customer: newKey.customer }).session(session);
      const values: Record<string, string[]> = {};
      for (const key of keys) (values[key.customer] ??= []).push(key.value);
      await session.commitTransaction();
      return values[newKey.customer] ?? [];
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
