import { HydratedDocument, Model, Schema, model } from 'mongoose';

interface Submission {
  form: string;
  submitterId: string;
  answers: string[];
}

interface SubmissionModel extends Model<Submission> {
  saveIfSubmitterIsNew(formId: string, submitterId: string, answers: string[]): Promise<HydratedDocument<Submission> | null>;
}

const submissionSchema = new Schema<Submission, SubmissionModel>({ form: String, submitterId: String, answers: [String] });

// Creates the submission only when the submitter has none for this form yet; `this` is the model.
submissionSchema.static('saveIfSubmitterIsNew', async function saveIfSubmitterIsNew(formId: string, submitterId: string, answers: string[]) {
  const session = await this.startSession();
  session.startTransaction();
  const existing = await this.exists({ form: formId, submitterId }).session(session);
  if (existing) {
    await session.abortTransaction();
    await session.endSession();
    return null;
  }
  const [created] = await this.create([{ form: formId, submitterId, answers }], { session });
  await session.commitTransaction();
  await session.endSession();
  return created!;
});

export const Submissions = model<Submission, SubmissionModel>('Submission', submissionSchema);
