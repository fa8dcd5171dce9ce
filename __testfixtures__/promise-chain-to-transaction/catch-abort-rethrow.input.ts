import { ClientSession, Connection, Model } from 'mongoose';

// A repository method in the pre-async/await style: the catch aborts, ends the session and
// passes the error on.
export function archiveProject(connection: Connection, projects: Model<{ name: string; archived: boolean }>, name: string): Promise<void> {
  let session: ClientSession;
  return connection
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return projects.updateOne({ name }, { archived: true }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession())
    .catch((error: Error) => {
      session.abortTransaction();
      session.endSession();
      return Promise.reject(error);
    });
}
