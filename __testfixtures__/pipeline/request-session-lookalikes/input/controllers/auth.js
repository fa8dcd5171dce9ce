const User = require('../models/user');

// express-session keeps the login on req.session: saved, regenerated and destroyed, never a
// MongoDB session.
exports.login = async (req, res, next) => {
  const user = await User.findOne({ email: req.body.email });
  if (!user) return res.status(401).end();
  req.session.regenerate((err) => {
    if (err) return next(err);
    req.session.userId = user.id;
    req.session.save(() => res.json({ id: user.id }));
  });
};

exports.logout = (req, res) => {
  req.session.destroy(() => res.status(204).end());
};
