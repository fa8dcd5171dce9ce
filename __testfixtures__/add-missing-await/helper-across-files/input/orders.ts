import mongoose from 'mongoose';
import { reserveStock } from './inventory';

export async function placeOrder(skus: string[]) {
  await mongoose.connection.transaction(async (session) => {
    await reserveStock(skus, session);
  });
}
