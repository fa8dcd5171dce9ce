import { ClientSession, Types } from "mongoose";
import { Member } from "../models/crate.model";


const claimPendingMemberships = async (
  email: string,
  userId: Types.ObjectId,
  session: ClientSession,
) => {
  try {
    console.log('Claiming memberships for email:', email);

    if (!email || !userId) {
      throw new Error('Email and userId are required.');
    }

    const result = await Member.updateMany(
      { email, joined: false },
      { $set: { userId, joined: true } },
      { session },
    );
    console.log('Memberships claimed:', result);

    return {
      success: true,
      claimed: result.modifiedCount,
    };
  } catch (error: any) {
    console.error('Claim failed:', error);
    throw new Error(error.message || 'Failed to claim memberships.');
  }
};

export default claimPendingMemberships;
