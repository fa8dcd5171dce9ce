import { ClientSession, Connection, Model } from 'mongoose';

interface Comment {
  post: string;
  body: string;
}

// After the commit the same session starts a second transaction: transaction() would end the
// session first, so the chain stays.
export function commentTwice(conn: Connection, Comments: Model<Comment>, post: string, body: string) {
  let session: ClientSession;
  return conn
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Comments.create([{ post, body }], { session });
    })
    .then(() => session.commitTransaction())
    .then(() => {
      session.startTransaction();
      return Comments.create([{ post, body: `${body} (copy)` }], { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}
