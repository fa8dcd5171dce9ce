import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGODB_URI ?? 'mongodb://localhost');

// The driver's own session in a promise chain: no Mongoose connection to call transaction() on.
export function archive(id: string): Promise<void> {
  const session = client.startSession();
  session.startTransaction();
  const posts = client.db('blog').collection<{ _id: string; archived?: boolean }>('posts');
  return posts
    .updateOne({ _id: id }, { $set: { archived: true } }, { session })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}
