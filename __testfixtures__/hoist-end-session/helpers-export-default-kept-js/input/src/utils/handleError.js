// One error handler for every controller: it aborts the session it is given, if any, and answers.
const handleError = async (res, error, session = null, statusCode = 500, message = 'Server error') => {
  if (session && typeof session.endSession === 'function') {
    try {
      if (session.inTransaction()) {
        await session.abortTransaction();
      }
    } catch (abortError) {
      console.error('Could not abort the transaction:', abortError);
    } finally {
      await session.endSession();
    }
  }
  return res.status(statusCode).json({ error: message });
};

export default handleError;
