import { model, Schema } from 'mongoose';

export interface WalletDoc {
  owner: string;
  balance: number;
  frozen: boolean;
}

export const Wallet = model<WalletDoc>('Wallet', new Schema<WalletDoc>({ owner: String, balance: Number, frozen: Boolean }));
export const Transfer = model('Transfer', new Schema({ from: String, to: String, amount: Number }));
