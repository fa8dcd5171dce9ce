const mongoose = require('mongoose');

const Match = mongoose.model('Match', new mongoose.Schema({ players: [String], endedAt: Date }));

class GameSession {
  constructor(players) {
    this.players = players;
  }

  lock() {
    this.locked = true;
  }

  async endSession() {
    await Match.create({ players: this.players, endedAt: new Date() });
  }
}

module.exports = GameSession;
