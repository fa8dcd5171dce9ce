import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { TransactionService } from '../common/transaction.service';

interface League {
  _id: Types.ObjectId;
  teams: Types.ObjectId[];
}

interface Team {
  _id: Types.ObjectId;
  league: Types.ObjectId | null;
}

@Injectable()
export class LeaguesService {
  constructor(
    @InjectModel('League') private readonly leagues: Model<League>,
    @InjectModel('Team') private readonly teams: Model<Team>,
    private readonly transactionService: TransactionService,
  ) {}

  async removeTeam(leagueId: string, teamId: string): Promise<void> {
    await this.transactionService.withTransaction(async (session) => {
      await Promise.all([
        this.leagues.updateOne({ _id: leagueId }, { $pull: { teams: teamId } }, { session }),
        this.teams.updateOne({ _id: teamId }, { $set: { league: null } }, { session }),
      ]);
    });
  }

  async archiveTeams(leagueId: string, teamIds: string[]): Promise<number> {
    return this.transactionService.withTransaction(async (session) => {
      teamIds.forEach(async (teamId) => {
        await this.teams.updateOne({ _id: teamId }, { $set: { league: null } }, { session });
      });
      await this.leagues.updateOne({ _id: leagueId }, { $set: { teams: [] } }, { session });
      return teamIds.length;
    });
  }
}
