const commitAndEnd = async (session) => {
  await session.commitTransaction();
  session.endSession();
};

const abortAndEnd = async (session) => {
  await session.abortTransaction();
  session.endSession();
};

module.exports = { commitAndEnd, abortAndEnd };
