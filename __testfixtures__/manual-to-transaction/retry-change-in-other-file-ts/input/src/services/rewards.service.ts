import { ClientSession, HydratedDocument, Types } from 'mongoose';
import { Redemption } from '../models/redemption';

const COST = 100;

interface AccountFields {
  _id: Types.ObjectId;
  wallet: { points: number };
}

// Spends the points on the account object the caller hands over, then records the redemption.
export async function redeem(account: HydratedDocument<AccountFields>, rewardId: string, session: ClientSession): Promise<void> {
  const wallet = account.wallet;
  if (wallet.points < COST) throw new Error('not enough points');
  wallet.points -= COST;
  await Redemption.create([{ account: account._id, reward: rewardId }], { session });
}
