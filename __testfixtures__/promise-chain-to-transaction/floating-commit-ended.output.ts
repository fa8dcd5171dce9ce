import { Connection, Model } from 'mongoose';

// The commit is a statement in the last working step, so the chain goes on (and ends the
// session) before the commit has finished.
export async function renameTeam(connection: Connection, teams: Model<{ name: string }>, from: string, to: string): Promise<void> {
  await connection.transaction(async (session) => {
    await teams
      .updateOne({ name: from }, { name: to }, { session });
    console.log(`renamed ${from} to ${to}`);
  });
}
