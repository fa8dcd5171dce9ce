import mongoose from 'mongoose';
import { Account } from '../models/crate.model';
import claimPendingMemberships from './memberUtils';
import welcomeMembers from './inviteMailer';

const registerAccount = async (email: string) => {
  try {
    const { account, claimResult } = await mongoose.connection.transaction(async (session) => {
      const created = await Account.create([{ email }], { session });
      const account = created[0];

      console.log('Account created:', account._id);

      const claimResult = await claimPendingMemberships(
        email,
        account._id,
        session,
      );
      console.log('Claim result:', claimResult);
      return { account, claimResult };
    });

    return { account, claimed: claimResult.claimed };
  } catch (error: any) {
    console.error('Transaction failed:', error);
    throw new Error(error.message || 'Account registration failed.');
  }
};

// The welcome mail is sent from inside the transaction: a retried body would send it twice.
const registerAndWelcome = async (email: string) => {
  const session = await mongoose.startSession();

  try {
    await session.startTransaction();

    const created = await Account.create([{ email }], { session });
    await claimPendingMemberships(email, created[0]._id, session);
    await welcomeMembers(email, session);

    await session.commitTransaction();
    return created[0];
  } catch (error: any) {
    if (session.inTransaction()) {
      await session.abortTransaction();
    }
    throw new Error(error.message || 'Account registration failed.');
  } finally {
    session.endSession();
  }
};

export const MemberService = { registerAccount, registerAndWelcome };
