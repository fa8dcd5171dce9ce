import mongoose from 'mongoose';
import { ItemModel } from '../models/item.model';
import { PackingModel } from '../models/packing.model';

// A comment ending the line of a commit, abort or endSession() that goes speaks of that call: it
// goes with it, wherever the call stood.
export async function createItemWithPacking(item: { name: string }, packing: { size: number }) {
  try {
    const { itemDoc, packingDoc } = await mongoose.connection.transaction(async (session) => {
      // 1) the item
      const [itemDoc] = await ItemModel.create([item], { session });

      // 2) its packing
      const [packingDoc] = await PackingModel.create([{ ...packing, itemId: itemDoc._id }], { session });
      return { itemDoc, packingDoc };
    });

    // Return both so the controller has everything
    return { item: itemDoc.name, packing: packingDoc.size };
  } catch (err: any) {
    if (err?.name === 'ValidationError') {
      throw new Error(`invalid payload: ${err.message}`);
    }
    throw err;
  }
}
