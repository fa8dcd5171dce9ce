import { ResultAsync } from 'neverthrow';
import { Model } from 'mongoose';
import { AllowlistModel } from '../models/allowlist';
import { getSurveyModel, ISurvey, SurveyKind } from '../models/survey';

// Shaped like a government forms service: each branch of an async arrow commits on its own, the
// session comes from a model picked at run time, and no write in either branch was sent with the
// session. The single-document create() is reported; the other writes get the session.
export const updateAllowlist = (survey: ISurvey, entries: { ids: string[] } | null) => {
  const SurveyModel: Model<ISurvey> = getSurveyModel(survey.kind as SurveyKind);

  const update = async () => {
    const session = await SurveyModel.startSession();
    session.startTransaction();

    if (entries) {
      const allowlist = await AllowlistModel.create({
        surveyId: survey._id,
        ...entries,
      });
      const updated = await SurveyModel.findByIdAndUpdate(
        survey._id,
        { allowlist: { enabled: true, ref: allowlist._id } },
        {
          new: true,
          runValidators: true,
          session,
        },
      ).exec();
      if (!updated) {
        await session.abortTransaction();
        return;
      }
      await session.commitTransaction();
      await session.endSession();
      return updated;
    } else {
      await AllowlistModel.deleteMany({
        surveyId: survey._id,
      }, { session });
      const updated = await SurveyModel.findByIdAndUpdate(survey._id, { allowlist: { enabled: false } }, { new: true, session }).exec();
      if (!updated) {
        await session.abortTransaction();
        return;
      }
      await session.commitTransaction();
      await session.endSession();
      return updated;
    }
  };

  return ResultAsync.fromPromise(update(), (error) => error);
};
