import { model, Schema } from 'mongoose';

export interface WalletDoc {
  owner: string;
  balance: number;
}

export const Wallet = model<WalletDoc>('Wallet', new Schema<WalletDoc>({ owner: String, balance: Number }));
export const Transfer = model('Transfer', new Schema({ from: String, to: String, amount: Number }));
