const mongoose = require('mongoose');

// Write routes share one transaction: the session rides on the request to the controller.
const startTransaction = async (req, res, next) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  req.dbSession = session;
  next();
};

module.exports = { startTransaction };
