class AppError extends Error {}

module.exports = {
  wrap: (err) => {
    throw err instanceof AppError ? err : new AppError(err.message);
  },
};
