import mongoose, { Connection } from 'mongoose';
import { MongoMemoryReplSet } from 'mongodb-memory-server';

let replSet: MongoMemoryReplSet;
let connection: Connection;

beforeAll(async () => {
  replSet = await MongoMemoryReplSet.create({ replSet: { count: 1 } });
  connection = await mongoose.createConnection(replSet.getUri()).asPromise();
});

afterAll(async () => {
  await connection.close();
  await replSet.stop();
});

// The test checks the session's own state at each step: only assertions between the lifecycle calls.
it('starts and commits a transaction on the replica set', async () => {
  const session = await connection.startSession();
  session.startTransaction();
  expect(session.inTransaction()).toBe(true);
  await session.commitTransaction();
  expect(session.inTransaction()).toBe(false);
  await session.endSession();
});
