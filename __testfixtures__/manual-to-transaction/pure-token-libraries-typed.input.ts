import mongoose from 'mongoose';
import short from 'short-uuid';

interface Workspace {
  name: string;
  createdBy: string;
}

interface Permission {
  workspaceId: string;
  userId: string;
  role: string;
  colabToken: string;
}

const WorkspaceModel = mongoose.model<Workspace>('Workspace');
const PermissionModel = mongoose.model<Permission>('Permission');

// short-uuid only draws an id: a second run of the body draws another and saves that one, so the
// transaction is rewritten.
export async function openWorkspace(userId: string, email: string, name: string): Promise<string> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const [workspace] = await WorkspaceModel.create([{ name, createdBy: email }], { session });
    if (!workspace) throw new Error('Unable to set up the workspace.');
    const colabToken = short.generate();
    await PermissionModel.create([{ workspaceId: String(workspace._id), userId, role: 'admin', colabToken }], { session });
    await session.commitTransaction();
    return colabToken;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}
