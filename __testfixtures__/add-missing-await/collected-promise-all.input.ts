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
  const moves: Promise<void>[] = [];
  users.forEach((user) => console.log('moving', user));
  for (const user of users) moves.push(moveMember(members, session, user, team));
  await Promise.allSettled(moves);
  await session.commitTransaction();
}
