import { ClientSession, Model } from 'mongoose';

interface Role {
  name: string;
}

// A service that joins its caller's transaction when given a session: it does not always own
// the session it runs the transaction on.
export async function createRole(roles: Model<Role>, body: Role, parentSession?: ClientSession) {
  const session = parentSession ?? (await roles.startSession());
  session.startTransaction();
  const [role] = await roles.create([body], { session });
  await session.commitTransaction();
  if (!parentSession) await session.endSession();
  return role;
}

// A helper that runs the transaction on a session its caller owns.
export async function renameRole(roles: Model<Role>, session: ClientSession, from: string, to: string) {
  session.startTransaction();
  await roles.updateOne({ name: from }, { name: to }, { session });
  await session.commitTransaction();
}
