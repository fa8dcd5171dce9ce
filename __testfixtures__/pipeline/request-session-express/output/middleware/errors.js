// The last middleware of the app: a failed route's transaction is aborted here.
// eslint-disable-next-line no-unused-vars
const handleErrors = async (err, req, res, next) => {
  if (req.dbSession) {
    if (req.dbSession.inTransaction()) await req.dbSession.abortTransaction();
    req.dbSession.endSession();
  }
  res.status(err.status || 500).json({ message: err.message });
};

module.exports = { handleErrors };
