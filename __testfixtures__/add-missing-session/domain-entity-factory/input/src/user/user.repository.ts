import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClientSession, Model } from 'mongoose';
import { UserEntity } from './user.entity';

@Injectable()
export class UserRepository {
  constructor(@InjectModel('User') private readonly userModel: Model<{ username: string }>) {}

  async save(entity: UserEntity, session: ClientSession): Promise<void> {
    await this.userModel.create([{ _id: entity.id, ...entity.props }], { session });
  }
}
