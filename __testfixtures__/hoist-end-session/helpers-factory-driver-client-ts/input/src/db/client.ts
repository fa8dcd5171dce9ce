import mongoose from 'mongoose';
import type { MongoClient } from 'mongodb';

export function mongoClient(): MongoClient {
  return mongoose.connection.getClient();
}
