import { model, Schema } from 'mongoose';

export const Wallet = model('Wallet', new Schema({ user: String, balance: Number }));
export const Ledger = model('Ledger', new Schema({ from: String, to: String, amount: Number }));
