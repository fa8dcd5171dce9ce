import { Connection, Model } from 'mongoose';

// A repository method in the pre-async/await style: the catch aborts, ends the session and
// passes the error on.
export async function archiveProject(connection: Connection, projects: Model<{ name: string; archived: boolean }>, name: string): Promise<void> {
  await connection.transaction(async (session) => {
    await projects.updateOne({ name }, { archived: true }, { session });
  });
}
