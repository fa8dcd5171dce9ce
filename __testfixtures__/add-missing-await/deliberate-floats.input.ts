import { AsyncLocalStorage } from 'node:async_hooks';
import { ClientSession, Connection } from 'mongoose';

const context = new AsyncLocalStorage<{ session: ClientSession }>();

// A home-made transaction helper: the run() given { session } is AsyncLocalStorage's, and the
// endSession() whose rejection is handled is meant to float.
export function withContext<T>(conn: Connection, fn: (session: ClientSession) => Promise<T>): Promise<T> {
  return conn.startSession().then((session) =>
    session
      .withTransaction(() => context.run({ session }, () => fn(session)))
      .finally(() => {
        session.endSession().catch(() => undefined);
      }),
  );
}
