import { Connection } from 'mongoose';
import { Inventory } from '../models/inventory';
import { Reservation } from '../models/reservation';

// Writes inside map/forEach callbacks run as part of the transaction's statement: they get the
// session too (add-missing-await makes them sequential afterwards).
export async function reserveAll(connection: Connection, cartId: string, items: Array<{ sku: string; quantity: number }>): Promise<void> {
  await connection.transaction(async (session) => {
    await Promise.all(
      items.map((item) => Inventory.updateOne({ sku: item.sku }, { $inc: { reserved: item.quantity } }, { session })),
    );
    for (const item of items) {
      await Reservation.create([{ cart: cartId, sku: item.sku, quantity: item.quantity }], { session });
    }
    const notify = async () => {
      await Reservation.updateMany({ cart: cartId }, { $set: { notified: true } });
    };
    process.nextTick(notify);
  });
}
