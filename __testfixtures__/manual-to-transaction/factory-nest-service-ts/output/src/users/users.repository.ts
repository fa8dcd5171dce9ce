import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ClientSession, Model } from 'mongoose';

export interface User {
  username: string;
  email: string;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectModel('User') private readonly users: Model<User>) {}

  async rename(username: string, next: string, session: ClientSession): Promise<void> {
    await this.users.updateOne({ username }, { username: next }, { session });
  }

  async create(user: User, session: ClientSession): Promise<void> {
    await this.users.create([user], { session });
  }
}
