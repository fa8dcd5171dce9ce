import { Schema, Types, model } from 'mongoose';

export interface IRedemption {
  account: Types.ObjectId;
  reward: string;
}

export const Redemption = model<IRedemption>('Redemption', new Schema<IRedemption>({ account: Schema.Types.ObjectId, reward: String }));
