import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { UserEntity, type UserProps } from '../user/user.entity';
import { UserRepository } from '../user/user.repository';

@Injectable()
export class SignUpUseCase {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly users: UserRepository,
  ) {}

  // UserEntity.create() is the entity's factory, not a model's create(): there is no session to give it.
  async execute(data: UserProps): Promise<UserEntity> {
    const session = await this.connection.startSession();
    try {
      let created: UserEntity | undefined;
      await session.withTransaction(async () => {
        const entity = await UserEntity.create({
          username: data.username,
          password: data.password,
          email: data.email,
        });
        await this.users.save(entity, session);
        created = entity;
      });
      return created!;
    } finally {
      await session.endSession();
    }
  }
}
