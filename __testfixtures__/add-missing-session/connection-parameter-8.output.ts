import type { Connection } from 'mongoose';
import { Types } from 'mongoose';

interface Invite {
  email: string;
  role: 'member' | 'admin';
}

// An onboarding service handed the tenant's connection: the workspace, its owner and the invites
// are written in one transaction, but only the owner was sent with the session.
export async function onboard(db: Connection, ownerEmail: string, invites: Invite[]): Promise<Types.ObjectId> {
  const Workspace = db.model('Workspace');
  const Member = db.model('Member');
  const Invitation = db.model('Invitation');

  const session = await db.startSession();
  session.startTransaction();
  try {
    const [workspace] = await Workspace.create([{ owner: ownerEmail }], { session });
    await Member.create([{ workspace: workspace._id, email: ownerEmail, role: 'owner' }], { session });
    await Invitation.create(
      invites.map((invite) => ({ workspace: workspace._id, ...invite })),
      { session, ordered: true },
    );
    await Workspace.findByIdAndUpdate(workspace._id, { $set: { seats: invites.length + 1 } }, { session });
    await session.commitTransaction();
    return workspace._id;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
