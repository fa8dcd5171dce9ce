import mongoose, {
  type HydratedDocument,
  Types,
} from 'mongoose';
import { Schema } from 'mongoose';

// The session types annotate only the removed session parameters: both imports lose them. The
// ObjectId class is a value, the document type is still used, and the schema import was unused before.
interface Ledger {
  owner: Types.ObjectId;
  total: number;
}

const Ledger = mongoose.model<Ledger>('Ledger', new mongoose.Schema<Ledger>({ total: Number }));

export async function settle(owner: string, seen: HydratedDocument<Ledger>[]) {
  await mongoose.connection.transaction(async () => {
    await Ledger.updateOne({ owner: new Types.ObjectId(owner) }, { total: 0 });
    await Ledger.findOne({ owner });
  });
}

export async function reopen(owner: string) {
  await mongoose.connection.transaction(async () => {
    await Ledger.create([{ owner: new Types.ObjectId(owner), total: 1 }]);
  });
}
