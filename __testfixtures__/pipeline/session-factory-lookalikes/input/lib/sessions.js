const crypto = require('crypto');
const GameSession = require('./game-session');

// Login sessions of the app, not MongoDB's.
exports.createSession = async function (user) {
  const session = { id: crypto.randomUUID(), user: user.id, startedAt: Date.now() };
  return session;
};

// A multiplayer match: it starts, and ends when the last player leaves.
exports.openMatch = function (players) {
  const session = new GameSession(players);
  session.startTransaction = () => session.lock();
  return session;
};
