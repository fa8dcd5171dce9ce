import { Connection, Model } from 'mongoose';

// The commit is a statement in the last working step, so the chain goes on (and ends the
// session) before the commit has finished.
export function renameTeam(connection: Connection, teams: Model<{ name: string }>, from: string, to: string): Promise<void> {
  return connection
    .startSession()
    .then((session) => {
      session.startTransaction();
      return teams
        .updateOne({ name: from }, { name: to }, { session })
        .then(() => {
          console.log(`renamed ${from} to ${to}`);
          session.commitTransaction();
        })
        .then(() => session.endSession());
    });
}
