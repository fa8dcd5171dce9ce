import mongoose from 'mongoose';
import type { Request, Response } from 'express';

interface Workspace {
  name: string;
  createdBy: string;
}

interface Permission {
  workspaceId: string;
  role: string;
}

const WorkspaceModel = mongoose.model<Workspace>('Workspace');
const PermissionModel = mongoose.model<Permission>('Permission');

// Values put on res.locals in the body, read only after it: a second run puts its own there again.
export async function createWorkspace(req: Request, res: Response): Promise<void> {
  await mongoose.connection.transaction(async (session) => {
    const [workspace] = await WorkspaceModel.create([{ name: req.body.name, createdBy: req.body.email }], { session });
    res.locals.workspaceId = String(workspace._id);
    const [permission] = await PermissionModel.create([{ workspaceId: String(workspace._id), role: 'admin' }], { session });
    res.locals.role = permission.role;
  });
  res.status(201).json({ workspaceId: res.locals.workspaceId, role: res.locals.role });
}
