const mongoose = require('mongoose');

// Express middlewares mounted around the routes: the first opens a transaction and leaves it on
// res.locals for the handlers, the last ones commit or abort it. Neither the conversion nor a
// finally can apply, for one reason the tool gives once.
exports.startTransaction = async (req, res, next) => {
  try {
    const session = await mongoose.startSession();
    session.startTransaction();
    res.locals.dbSession = session;
    next();
  } catch (error) {
    next(error);
  }
};

exports.commitTransaction = async (req, res, next) => {
  const session = res.locals.dbSession;
  try {
    await session.commitTransaction();
    res.status(200).json(res.locals.result);
  } catch (error) {
    next(error);
  }
};
