import { HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { CustomerKey } from './customer-key.schema';

@Injectable()
export class CustomerKeysService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(CustomerKey.name) private readonly keys: Model<CustomerKey>,
  ) {}

  async makePrimaryAgain(workspaceId: string, key: string): Promise<void> {
    const next = await this.keys.findOne({ workspaceId, key }).exec();
    if (!next) throw new HttpException('No such key', HttpStatus.BAD_REQUEST);

    try {
      await this.connection.transaction(async (session) => {
        const current = await this.keys.findOne({ workspaceId, isPrimary: true }).session(session).exec();
        if (current) {
          current.isPrimary = false;
          await current.save({ session });
        }
        next.isPrimary = true;
        await next.save({ session });
      });
    } catch (error) {
      throw new HttpException('Could not change the primary key', HttpStatus.BAD_REQUEST);
    }
  }
}
