import mongoose, { Schema, model } from 'mongoose';

interface IWallet {
  owner: string;
  balance: number;
}

const Wallet = model<IWallet>('Wallet', new Schema<IWallet>({ owner: String, balance: Number }));

// Mongoose 7, TypeScript: the model states its interface, but the file imports neither
// HydratedDocument nor Document from Mongoose, so the document type could only be written with a
// new import; the transaction stays as it is.
export async function open(owner: string) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const wallet = await Wallet.create([{ owner, balance: 0 }], { session });
    await session.commitTransaction();
    return wallet.length;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
