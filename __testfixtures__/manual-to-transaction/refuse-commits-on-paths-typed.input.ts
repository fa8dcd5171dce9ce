import mongoose, { Model } from 'mongoose';

interface Form {
  whitelist: { enabled: boolean; submitters?: string };
}

interface Whitelist {
  formId: string;
  submitters: string[];
}

// Either branch commits and returns: one commit per path, each inside its branch.
export async function updateWhitelist(
  forms: Model<Form>,
  whitelists: Model<Whitelist>,
  formId: string,
  submitters: string[] | undefined,
): Promise<Form | null> {
  const session = await mongoose.startSession();
  session.startTransaction();
  if (submitters) {
    const [list] = await whitelists.create([{ formId, submitters }], { session });
    const updated = await forms.findByIdAndUpdate(formId, { whitelist: { enabled: true, submitters: String(list!._id) } }, { new: true, session });
    if (!updated) {
      await session.abortTransaction();
      await session.endSession();
      return null;
    }
    await session.commitTransaction();
    await session.endSession();
    return updated;
  } else {
    await whitelists.deleteMany({ formId }, { session });
    const updated = await forms.findByIdAndUpdate(formId, { whitelist: { enabled: false } }, { new: true, session });
    if (!updated) {
      await session.abortTransaction();
      await session.endSession();
      return null;
    }
    await session.commitTransaction();
    await session.endSession();
    return updated;
  }
}
