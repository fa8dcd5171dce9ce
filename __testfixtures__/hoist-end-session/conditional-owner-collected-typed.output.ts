import { ClientSession, Model } from 'mongoose';
import { ProductsService } from '../products/products.service';
import { UsersService } from '../users/users.service';

interface Competition {
  name: string;
}

export class CompetitionsService {
  constructor(
    private readonly competitions: Model<Competition>,
    private readonly products: ProductsService,
    private readonly users: UsersService,
  ) {}

  async remove(ids: string[], parentSession?: ClientSession): Promise<{ code: number }> {
    const session = parentSession ?? (await this.competitions.startSession());
    const ownsSession = !parentSession;
    if (ownsSession) session.startTransaction();
    try {
      const dependents: Array<Promise<{ code: number }>> = [];
      dependents.push(this.products.removeForCompetitions(ids, session));
      dependents.push(this.users.clearTableLeaders(ids, session));
      const results = await Promise.all(dependents);
      const failed = results.find((result) => result.code >= 400);
      if (failed) {
        if (ownsSession) await session.abortTransaction();
        return failed;
      }
      await this.competitions.deleteMany({ _id: { $in: ids } }, { session });
      if (ownsSession) await session.commitTransaction();
      return { code: 200 };
    } catch (error) {
      if (ownsSession && session.inTransaction()) await session.abortTransaction();
      throw error;
    } finally {
      if (ownsSession) await session.endSession();
    }
  }
}
