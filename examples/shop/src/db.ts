import mongoose from 'mongoose';

export async function connectDB(uri: string) {
  // Every operation inside connection.transaction() picks up the transaction's session.
  mongoose.set('transactionAsyncLocalStorage', true);
  await mongoose.connect(uri);
  return mongoose.connection;
}
