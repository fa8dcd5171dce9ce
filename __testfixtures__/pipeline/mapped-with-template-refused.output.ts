import mongoose from 'mongoose';
import { Profile } from '../models/profile';
import { sendEmail } from '../lib/mailer';

export const inviteMembers = async (groupName: string, emails: string[]) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const members = [];
    for (const email of emails) {
      const profile = await Profile.findOne({ email }).session(session);
      if (profile) { members.push({ email, joined: true }); continue; }
      const html = `
          <p>Join ${groupName}</p>
        `;
      await sendEmail(email, html);
      members.push({ email, joined: false });
    }
    await session.commitTransaction();
    return members;
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
};
