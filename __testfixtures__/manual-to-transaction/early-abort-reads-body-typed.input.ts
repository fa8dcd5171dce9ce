import { Connection, Model } from 'mongoose';

interface Invite {
  code: string;
  usedBy?: string;
}

// What follows the intentional abort names the invite loaded inside the transaction.
export async function accept(connection: Connection, invites: Model<Invite>, code: string, user: string): Promise<string> {
  const session = await connection.startSession();
  session.startTransaction();
  try {
    const invite = await invites.findOne({ code }).session(session);
    if (invite?.usedBy) {
      await session.abortTransaction();
      return `invite ${invite.code} was already used by ${invite.usedBy}`;
    }
    await invites.updateOne({ code }, { usedBy: user }, { session });
    await session.commitTransaction();
    return 'accepted';
  } finally {
    await session.endSession();
  }
}
