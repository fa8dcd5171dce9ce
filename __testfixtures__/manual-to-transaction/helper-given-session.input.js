const mongoose = require('mongoose');
const User = require('../models/user');
const Category = require('../models/category');
const Wallet = require('../models/wallet');

const DEFAULT_CATEGORIES = ['Food', 'Rent', 'Salary'];

// Called with and without a session: the options carry it when there is one.
const createDefaultCategories = async (userId, session) => {
  const categories = DEFAULT_CATEGORIES.map((name) => ({ name, user: userId }));
  const options = session ? { session, ordered: true } : {};
  return Category.create(categories, options);
};

// Changes the wallet the caller read in its transaction.
const grantBonus = async (wallet, amount, session) => {
  wallet.balance += amount;
  await wallet.save({ session });
};

// Both helpers only work on the session and on documents the body made: the body may run twice.
async function registerUser(payload) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const [user] = await User.create([payload], { session });
    await createDefaultCategories(user._id, session);
    const [wallet] = await Wallet.create([{ user: user._id, balance: 0 }], { session });
    await grantBonus(wallet, 10, session);
    await session.commitTransaction();
    return user;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
}

module.exports = { registerUser, createDefaultCategories };
