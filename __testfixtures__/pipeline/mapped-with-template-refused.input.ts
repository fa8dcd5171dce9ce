import mongoose from 'mongoose';
import { Profile } from '../models/profile';
import { sendEmail } from '../lib/mailer';

export const inviteMembers = async (groupName: string, emails: string[]) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const members = await Promise.all(
      emails.map(async (email) => {
        const profile = await Profile.findOne({ email }).session(session);
        if (profile) return { email, joined: true };
        const html = `
          <p>Join ${groupName}</p>
        `;
        await sendEmail(email, html);
        return { email, joined: false };
      }),
    );
    await session.commitTransaction();
    return members;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
};
