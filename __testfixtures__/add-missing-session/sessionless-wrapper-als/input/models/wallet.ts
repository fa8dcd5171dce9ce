import { model, Schema } from 'mongoose';

export interface IWallet {
  owner: string;
  balance: number;
}

export const Wallet = model<IWallet>('Wallet', new Schema<IWallet>({ owner: String, balance: Number }));
