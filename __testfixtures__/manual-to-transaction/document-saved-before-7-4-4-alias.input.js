const mongoose = require('mongoose');

// Before 7.4.4 transaction() does not reset a saved document between attempts. The document here
// is the request's, read into a local inside the body: made before the transaction all the same.
async function closeAccount(req, res) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const account = req.account;
    account.status = 'closed';
    await account.save({ session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
  res.sendStatus(204);
}

module.exports = { closeAccount };
