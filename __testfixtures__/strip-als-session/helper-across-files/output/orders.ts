import mongoose from './db';
import { take } from './stock';

export async function ship(sku: string) {
  await mongoose.connection.transaction(async (session) => {
    await take(sku, 1, session);
  });
}
