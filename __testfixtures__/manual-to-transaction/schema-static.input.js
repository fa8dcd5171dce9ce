const mongoose = require('mongoose');

const submissionSchema = new mongoose.Schema({ form: String, submitterId: String, answers: [String] });

// Creates the submission only when the submitter has none for this form yet; `this` is the model.
submissionSchema.statics.saveIfSubmitterIsNew = async function (formId, submitterId, answers) {
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
  return created;
};

module.exports = mongoose.model('Submission', submissionSchema);
