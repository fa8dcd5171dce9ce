import mongoose from 'mongoose';
import { FormModel, type IFormDocument } from '../models';

// The chain is returned from inside a try whose finally ends the session: the end runs while
// withTransaction() has only just started.
export const duplicateFormTransaction = async (formId: string): Promise<IFormDocument | null> => {
  let copy: IFormDocument | null = null
  const session = await mongoose.startSession()
  try {
    return session
      .withTransaction(async () => {
        const original = await FormModel.findById(formId).session(session)
        if (original) [copy] = await FormModel.create([{ title: `${original.title} (copy)` }], { session })
      })
      .then(() => copy)
  } finally {
    await session.endSession()
  }
}

// A lookup that can throw runs between startSession() and the return: the session would leak
// before the chain that could end it exists.
export const renameFormTransaction = async (formId: string, title: string): Promise<boolean> => {
  const session = await mongoose.startSession()
  const form = await FormModel.findById(formId)
  if (!form) throw new Error('Form not found')
  return session
    .withTransaction(() => FormModel.updateOne({ _id: form._id }, { title }, { session }))
    .then(() => true)
}
