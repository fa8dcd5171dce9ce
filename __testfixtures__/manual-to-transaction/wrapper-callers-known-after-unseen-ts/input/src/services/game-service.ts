import { inject, injectable } from 'tsyringe';
import { ITeamService } from '../interfaces/team';
import { Game } from '../models/game';
import { transactionService } from './transaction-service';

// The team service is injected behind an interface: what its methods do cannot be seen from here.
@injectable()
export class GameService {
  private teamService: ITeamService;

  constructor(@inject('ITeamService') teamService: ITeamService) {
    this.teamService = teamService;
  }

  async forfeit(gameId: string): Promise<void> {
    const game = await Game.findById(gameId).orFail();
    return await transactionService.withTransaction(async (session) => {
      await this.teamService.recordResult(game.homeTeam, 0, 3, session);
      await this.teamService.recordResult(game.awayTeam, 3, 0, session);
      game.status = 'completed';
      await game.save({ session });
    });
  }

  // A second run would find the score already replaced, and revert the new one.
  async setScore(gameId: string, home: number, away: number): Promise<void> {
    const game = await Game.findById(gameId).orFail();
    return await transactionService.withTransaction(async (session) => {
      if (game.status === 'played') {
        await this.teamService.revertResult(game.homeTeam, game.score!.home, game.score!.away, session);
      }
      game.score = { home, away };
      game.status = 'played';
      await this.teamService.recordResult(game.homeTeam, home, away, session);
      await game.save({ session });
    });
  }
}
