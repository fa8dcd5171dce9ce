import mongoose, { ClientSession, Types } from 'mongoose';

const Profile = mongoose.model('Profile', new mongoose.Schema({ email: String }));
const Invite = mongoose.model('Invite', new mongoose.Schema({ email: String, note: String }));

interface Member {
  email: string;
  memberId: Types.ObjectId | null;
  invited: boolean;
}

export async function inviteAll(groupName: string, emails: string[], session: ClientSession): Promise<Member[]> {
  const members: Member[] = await Promise.all(
    emails.map(async (email): Promise<Member> => {
      const profile = await Profile.findOne({ email }).session(session);
      if (profile) {
        return { email, memberId: profile._id, invited: false };
      }
      const note = `
        <h1>Join ${groupName}</h1>
          <p>Sign up with ${email} to see the group.</p>
      `;
      await Invite.create([{ email, note }], { session });
      return { email, memberId: null, invited: true };
    }),
  );
  return members;
}

export const addMembers = (groupName: string, emails: string[]) =>
  mongoose.connection.transaction((session) => inviteAll(groupName, emails, session));
