import { Connection, Model } from 'mongoose';

interface Reminder {
  user: string;
  sent: boolean;
}

// An event handler that starts the chain and moves on: nothing waits for the transaction.
export function onUserDeleted(conn: Connection, Reminders: Model<Reminder>, user: string): void {
  conn.startSession().then((session) => {
    session.startTransaction();
    return Reminders.deleteMany({ user }, { session })
      .then(() => session.commitTransaction())
      .then(() => session.endSession());
  });
}
