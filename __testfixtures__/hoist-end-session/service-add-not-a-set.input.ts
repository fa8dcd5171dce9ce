import mongoose from 'mongoose';
import { usersService } from './users.service';

// usersService.add(dto, session) is a service method, not Set.add(): the session is not kept, so
// the function that made it ends it in a finally.
export async function createUser(dto: { name: string }): Promise<void> {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    await usersService.add(dto, session);
  });
  await session.endSession();
}
