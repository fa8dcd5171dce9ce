import { ClientSession, Model } from 'mongoose';

interface Member {
  team: string;
  user: string;
  role: string;
}

// Moving members between teams: each move is a helper call collected for Promise.allSettled.
async function moveMember(members: Model<Member>, session: ClientSession, user: string, team: string): Promise<void> {
  await members.updateOne({ user }, { team }, { session });
}

export async function moveAll(members: Model<Member>, session: ClientSession, users: string[], team: string): Promise<void> {
  session.startTransaction();
  users.forEach((user) => console.log('moving', user));
  for (const user of users) {
    try {
      await moveMember(members, session, user, team);
    } catch {}
  }
  await session.commitTransaction();
}
