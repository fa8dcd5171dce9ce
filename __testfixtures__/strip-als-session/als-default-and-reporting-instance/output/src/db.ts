import mongoose from 'mongoose';

mongoose.set('transactionAsyncLocalStorage', true);

export const db = mongoose.createConnection(process.env.MONGO_URI ?? 'mongodb://localhost/billing');
