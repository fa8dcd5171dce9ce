const mongoose = require('mongoose');

// Feathers-style hooks: the session is kept on the hook context between the before and after
// hooks, so the hook that starts it does not own it alone.
exports.startTransaction = () => async (context) => {
  context.params.session = await mongoose.startSession();
  context.params.session.startTransaction();
  return context;
};

exports.commitTransaction = () => async (context) => {
  const { session } = context.params;
  await session.commitTransaction();
  await session.endSession();
  return context;
};
