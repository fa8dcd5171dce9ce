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
  let aborted = false;
  const result = await this.db.transaction(async (session) => {
    const existing = await this.exists({ form: formId, submitterId }).session(session);
    if (existing) {
      await session.abortTransaction();
      aborted = true;
      return;
    }
    const [created] = await this.create([{ form: formId, submitterId, answers }], { session });
    return created;
  });
  if (aborted) return null;
  const created = result!;
  return created!;
});

export const Submissions = model<Submission, SubmissionModel>('Submission', submissionSchema);
