const commitAndEnd = async (session) => {
  await session.commitTransaction();
};

const abortAndEnd = async (session) => {
  if (session.inTransaction()) await session.abortTransaction();
};

module.exports = { commitAndEnd, abortAndEnd };
