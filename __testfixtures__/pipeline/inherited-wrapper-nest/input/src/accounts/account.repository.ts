import { HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { UnitOfWork } from '../common/unit-of-work';
import { Account, AccountDocument } from './account.schema';

@Injectable()
export class AccountRepository extends UnitOfWork {
  constructor(
    @InjectModel(Account.name) protected model: Model<AccountDocument>,
    @InjectConnection() protected readonly connection: Connection,
    protected readonly logger: Logger,
  ) {
    super(connection, logger);
  }

  async findOne(username: string): Promise<AccountDocument | null> {
    return this.model.findOne({ username });
  }

  async create(username: string): Promise<AccountDocument | undefined> {
    const execute = async () => {
      const account = new this.model({ username });
      await account.save();
      return account;
    };

    const handleError = () => {
      throw new HttpException('Could not create the account', HttpStatus.BAD_REQUEST);
    };

    return this.transaction(execute, handleError);
  }
}
