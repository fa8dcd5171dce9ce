import { model, Schema } from 'mongoose';

export interface IWallet {
  user: string;
  currency: string;
  balance: number;
}

export interface ITransactionLog {
  wallet: string;
  amount: number;
  type: 'credit' | 'debit';
}

export const WalletModel = model<IWallet>('Wallet', new Schema<IWallet>({ user: String, currency: String, balance: Number }));
export const TransactionLogModel = model<ITransactionLog>('TransactionLog', new Schema<ITransactionLog>({ wallet: String, amount: Number, type: String }));
