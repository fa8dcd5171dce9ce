import mongoose, { ClientSession } from 'mongoose';
import { FormModel, WorkspaceModel, type IFormDocument } from '../models';

export const processCreateFormInWorkspace = async (
  formParams: Record<string, unknown>,
  workspaceId: string,
  session?: ClientSession,
): Promise<IFormDocument> => {
  const [form] = await FormModel.create([formParams], { session });
  await WorkspaceModel.updateOne({ _id: workspaceId }, { $addToSet: { formIds: form._id } }, { session });
  return form;
};

// Helper method to create form and move it into a specified workspace,
// error handling will be done in parent createForm method.
export const createFormInWorkspaceTransaction = async (
  formParams: Record<string, unknown>,
  workspaceId: string,
): Promise<IFormDocument> => {
  let form: IFormDocument
  const session = await mongoose.startSession()
  return session
    .withTransaction(async () => {
      form = await processCreateFormInWorkspace(formParams, workspaceId, session)
    })
    .then(() => form)
    .finally(() => session.endSession)
}

export const moveFormsTransaction = async (workspaceId: string, formIds: string[]): Promise<number> => {
  let moved = 0
  const session = await WorkspaceModel.startSession()
  return session
    .withTransaction(async () => {
      const result = await WorkspaceModel.updateOne({ _id: workspaceId }, { $addToSet: { formIds: { $each: formIds } } }, { session })
      moved = result.modifiedCount
    })
    .then(() => moved)
}

export const deleteWorkspaceTransaction = async (workspaceId: string): Promise<boolean> => {
  let deleted = false
  const session = await WorkspaceModel.startSession()
  return session
    .withTransaction(async () => {
      const result = await WorkspaceModel.deleteOne({ _id: workspaceId }, { session })
      deleted = result.deletedCount === 1
    })
    .then(() => deleted)
    .finally(() => session.endSession())
}
