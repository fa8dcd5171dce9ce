const { createSession, openMatch } = require('../lib/sessions');

exports.login = async (req, res) => {
  const session = await createSession(req.user);
  req.session.regenerate(() => {
    req.session.appSession = session.id;
    res.json(session);
  });
};

exports.play = async (req, res) => {
  const session = openMatch(req.body.players);
  session.startTransaction();
  try {
    res.json({ players: session.players });
  } catch (error) {
    session.endSession();
    throw error;
  }
  session.endSession();
};
