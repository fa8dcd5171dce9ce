import { MongoClient } from 'mongodb';

// The native driver's session: Mongoose's transaction() is not there.
export async function copyItems(client: MongoClient, items: Array<{ sku: string }>): Promise<void> {
  const session = client.startSession();
  session.startTransaction();
  try {
    await client.db('shop').collection('items').insertMany(items, { session });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}
