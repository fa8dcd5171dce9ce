const { ErrorWithStatus } = require('../utils/error');

// Registered last with app.use(): the transaction middleware put the session on req.session, and
// a route that failed is rolled back here before the error is answered.
// eslint-disable-next-line no-unused-vars
const error = async (err, req, res, next) => {
    if (req.session) {
        if (req.session.inTransaction()) await req.session.abortTransaction();
        req.session.endSession();
    }

    const errorStatus = err.status || 500;
    const errorMessage = err.message || 'Something went wrong';
    return res.status(errorStatus).json({
        success: false,
        status: errorStatus,
        message: errorMessage,
    });
};

// express-session's req.session: destroyed on failure, never aborted.
// eslint-disable-next-line no-unused-vars
const forgetLogin = (err, req, res, next) => {
    if (err instanceof ErrorWithStatus && err.status === 401) req.session.destroy(() => undefined);
    next(err);
};

module.exports = { error, forgetLogin };
