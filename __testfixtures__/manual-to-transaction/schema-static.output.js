const mongoose = require('mongoose');

const submissionSchema = new mongoose.Schema({ form: String, submitterId: String, answers: [String] });

// Creates the submission only when the submitter has none for this form yet; `this` is the model.
submissionSchema.statics.saveIfSubmitterIsNew = async function (formId, submitterId, answers) {
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
  const created = result;
  return created;
};

module.exports = mongoose.model('Submission', submissionSchema);
