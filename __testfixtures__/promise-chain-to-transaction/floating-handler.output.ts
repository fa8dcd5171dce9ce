import { Connection, Model } from 'mongoose';

interface Reminder {
  user: string;
  sent: boolean;
}

// An event handler that starts the chain and moves on: nothing waits for the transaction.
export async function onUserDeleted(conn: Connection, Reminders: Model<Reminder>, user: string): Promise<void> {
  await conn.transaction(async (session) => {
    await Reminders.deleteMany({ user }, { session });
  });
}
