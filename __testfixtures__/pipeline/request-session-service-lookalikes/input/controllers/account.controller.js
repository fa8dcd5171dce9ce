const cartService = require('../services/cart.service');
const profileService = require('../services/profile.service');
const { User, Audit } = require('../models');

exports.login = async (req, res, next) => {
  try {
    await cartService.mergeGuestCart(req.session, req.body.userId);
    res.json({ user: req.body.userId });
  } catch (err) {
    next(err);
  }
};

exports.me = (req, res) => {
  res.json({ id: cartService.getUserIdFromSession(req.session) });
};

exports.logout = async (req, res) => {
  await cartService.endLogin(req.session);
  res.status(204).end();
};

exports.rename = async (req, res, next) => {
  try {
    await profileService.rename(req.params.id, req.body.name, req.dbSession);
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
};

// Writes on the request's session one by one; the audit entries are outside the transaction on purpose.
exports.tag = async (req, res) => {
  await User.updateOne({ _id: req.params.id }, { $addToSet: { tags: { $each: req.body.tags } } }, { session: req.dbSession });
  await Promise.all(req.body.tags.map((tag) => Audit.create({ user: req.params.id, action: `tag:${tag}` })));
  res.json({ ok: true });
};
