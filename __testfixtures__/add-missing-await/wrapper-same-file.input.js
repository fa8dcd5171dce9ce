const mongoose = require('mongoose');
const User = require('../models/user');
const Token = require('../models/token');

// Express handlers that run inside one transaction: the handler gets the session last.
function withTransaction(handler) {
  return async function (req, res, next) {
    try {
      let result;
      await mongoose.connection.transaction(async (session) => {
        result = await handler(req, res, session);
      });
      res.json(result);
    } catch (err) {
      next(err);
    }
  };
}

exports.logoutAll = withTransaction(async (req, res, session) => {
  const user = await User.findById(req.user.id).session(session);
  await Promise.all([
    Token.deleteMany({ user: user._id }, { session }),
    User.updateOne({ _id: user._id }, { $set: { lastLogout: new Date() } }, { session }),
  ]);
  return { ok: true };
});

exports.rotate = withTransaction(async (req, res, session) => {
  const tokens = await Token.find({ user: req.user.id }).session(session);
  tokens.forEach(async (token) => {
    token.revoked = true;
    await token.save({ session });
  });
  return { rotated: tokens.length };
});
