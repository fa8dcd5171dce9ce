import { Connection, Model } from 'mongoose';
import { UserEntity } from 'src/user.entity';

interface UserRecord {
  username: string;
  email: string;
}

export class SignUp {
  constructor(
    private readonly connection: Connection,
    private readonly users: Model<UserRecord>,
  ) {}

  // UserEntity is a class of the project, not a model: its create() takes no session.
  async execute(username: string, email: string): Promise<void> {
    const session = await this.connection.startSession();
    try {
      await session.withTransaction(async () => {
        const entity = await UserEntity.create({ username, email });
        await this.users.create([entity.props], { session });
      });
    } finally {
      await session.endSession();
    }
  }
}
