import mongoose, { HydratedDocument, Schema, model } from 'mongoose';

interface IWallet {
  owner: string;
  balance: number;
}

const Wallet = model<IWallet>('Wallet', new Schema<IWallet>({ owner: String, balance: Number }));

// Mongoose 7, TypeScript: a lean() query gives plain objects, not the model's documents, so the
// document type the file could write is not the value's type; the transaction stays as it is.
export async function credit(owner: string, amount: number): Promise<number> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Wallet.updateOne({ owner }, { $inc: { balance: amount } }, { session });
    const wallet = await Wallet.findOne({ owner }).session(session).lean();
    await session.commitTransaction();
    console.log(`credited ${owner}`);
    return wallet ? wallet.balance : 0;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}

export type WalletDocument = HydratedDocument<IWallet>;
