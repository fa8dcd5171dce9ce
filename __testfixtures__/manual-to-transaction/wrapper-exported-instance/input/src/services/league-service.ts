import { ClientSession, Types } from 'mongoose';
import { League } from '../models/league';
import { Team } from '../models/team';
import { transactionService } from './transaction-service';

export class LeagueService {
  async addTeamToLeague(leagueId: string, teamId: string): Promise<void> {
    await transactionService.withTransaction(async (session) => {
      await League.updateOne({ _id: leagueId }, { $addToSet: { teams: new Types.ObjectId(teamId) } }, { session });
      await this.setLeague(teamId, leagueId, session);
    });
  }

  async removeLeague(leagueId: string): Promise<number> {
    return await transactionService.withTransaction(async (session) => {
      const released = await Team.updateMany({ league: leagueId }, { $set: { league: null } }, { session });
      await League.deleteOne({ _id: leagueId }, { session });
      return released.modifiedCount;
    });
  }

  private async setLeague(teamId: string, leagueId: string, session: ClientSession): Promise<void> {
    await Team.updateOne({ _id: teamId }, { $set: { league: new Types.ObjectId(leagueId) } }, { session });
  }
}
