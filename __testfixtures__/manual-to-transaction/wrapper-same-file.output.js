const mongoose = require('mongoose');

const Account = mongoose.model('Account', new mongoose.Schema({ owner: String, balance: Number }));
const Ledger = mongoose.model('Ledger', new mongoose.Schema({ account: mongoose.Schema.Types.ObjectId, amount: Number }));

// The wrapper only this file calls: each callback below works on the session alone.
async function withTransaction(work) {
  const result = await mongoose.connection.transaction(async (session) => {
    const result = await work(session);
    return result;
  });
  return result;
}

async function deposit(accountId, amount) {
  return withTransaction(async (session) => {
    const account = await Account.findByIdAndUpdate(accountId, { $inc: { balance: amount } }, { new: true, session });
    if (!account) throw new Error(`no account ${accountId}`);
    await Ledger.create([{ account: account._id, amount }], { session });
    return account.balance;
  });
}

async function closeAccount(accountId) {
  await withTransaction(async (session) => {
    await Ledger.deleteMany({ account: accountId }, { session });
    await Account.deleteOne({ _id: accountId }, { session });
  });
}

module.exports = { deposit, closeAccount };
