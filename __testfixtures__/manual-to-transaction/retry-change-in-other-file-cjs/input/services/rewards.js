const { Redemption } = require('../models');

const COST = 100;

// Spends the points on the account object the caller hands over, then records the redemption.
exports.redeem = async (account, rewardId, session) => {
  const wallet = account.wallet;
  if (wallet.points < COST) throw new Error('not enough points');
  wallet.points -= COST;
  await Redemption.create([{ account: account._id, reward: rewardId }], { session });
};
