import { ClientSession, Model } from 'mongoose';

interface Competition {
  name: string;
  judges: string[];
}

// Service method that joins its caller's transaction when given one.
export class CompetitionService {
  constructor(private readonly competitions: Model<Competition>) {}

  async addJudge(name: string, judge: string, parentSession?: ClientSession): Promise<boolean> {
    const session = parentSession ?? (await this.competitions.startSession());
    try {
      if (!parentSession) session.startTransaction();
      const updated = await this.competitions.updateOne({ name }, { $addToSet: { judges: judge } }, { session });
      if (!parentSession) {
        await session.commitTransaction();
      }
      return updated.modifiedCount === 1;
    } finally {
      if (!parentSession) await session.endSession();
    }
  }
}
