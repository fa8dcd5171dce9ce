const { Game } = require('../models');
const { withTransaction } = require('../utils/transaction');

// The team service comes from the container: what its methods do cannot be seen from here.
class GameService {
  constructor(teamService) {
    this.teamService = teamService;
  }

  async forfeit(gameId) {
    const game = await Game.findById(gameId);
    return withTransaction(async (session) => {
      await this.teamService.recordResult(game.homeTeam, 0, 3, session);
      await this.teamService.recordResult(game.awayTeam, 3, 0, session);
      game.status = 'completed';
      await game.save({ session });
    });
  }

  // A second run would find the score already replaced, and revert the new one.
  async setScore(gameId, home, away) {
    const game = await Game.findById(gameId);
    return withTransaction(async (session) => {
      if (game.status === 'played') {
        await this.teamService.revertResult(game.homeTeam, game.score.home, game.score.away, session);
      }
      game.score = { home, away };
      game.status = 'played';
      await this.teamService.recordResult(game.homeTeam, home, away, session);
      await game.save({ session });
    });
  }
}

module.exports = { GameService };
