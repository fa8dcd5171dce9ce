const mongoose = require('mongoose');

const Game = mongoose.model(
  'Game',
  new mongoose.Schema({ homeTeam: mongoose.Schema.Types.ObjectId, awayTeam: mongoose.Schema.Types.ObjectId, status: String, score: { home: Number, away: Number } }),
);

module.exports = { Game };
