import { Connection } from 'mongoose';
import { UserRepository } from '../repositories/user.repository';

// A sign-up use case: the repository's save() takes the session but is not given it, and
// createProfile() writes with no session at all. Both are reported, naming the helper; neither
// call is rewritten (the repository decides what it takes).
export class SignUpService {
  constructor(
    private readonly connection: Connection,
    private readonly users: UserRepository,
  ) {}

  async signUp(email: string, name: string): Promise<void> {
    const session = await this.connection.startSession();
    try {
      await session.withTransaction(async () => {
        if (await this.users.existsByEmail(email, session)) throw new Error('email taken');
        await this.users.save({ email, name });
        await this.users.createProfile(email, '');
      });
    } finally {
      await session.endSession();
    }
  }
}
