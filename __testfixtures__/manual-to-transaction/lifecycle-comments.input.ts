import mongoose, { ClientSession, Types } from 'mongoose';
import { AccountModel, WalletModel } from './account.model';

// Comments right above the commit, the abort and the endSession() speak of those calls, which go:
// they go with them. The note above the commit that speaks of something else stays by its code.
const closeAccount = async (accountId: Types.ObjectId) => {
  const session: ClientSession = await mongoose.startSession();
  session.startTransaction();

  try {
    // Check the id first
    if (!Types.ObjectId.isValid(accountId)) {
      throw new Error('Invalid account ID');
    }

    // Mark the account closed
    const closedAccount = await AccountModel.findOneAndUpdate(
      { _id: accountId },
      { closed: true },
      { new: true, session }, // the updated document
    );
    if (!closedAccount) {
      throw new Error('Account not found');
    }

    const emptiedWallet = await WalletModel.findOneAndUpdate({ accountId }, { balance: 0 }, { new: true, session });

    // Commit the changes
    // so both documents change together
    await session.commitTransaction();

    // Tell the caller what changed
    return { closed: closedAccount.closed, balance: emptiedWallet?.balance ?? null };
  } catch (error: any) {
    // Roll back on error
    await session.abortTransaction();
    throw new Error(`Failed to close account: ${error.message}`);
  } finally {
    // Always end the session
    session.endSession();
  }
};

export const AccountService = { closeAccount };
