// A wrapper given the model whose connection runs the transaction: the connection is `model.db`, and
// what keeps it as it is is the handler, whose body cannot be seen from here.
export const runTransaction = async (callback, model) => {
  const session = await model.startSession();
  session.startTransaction();

  try {
    const result = await callback(session);
    await session.commitTransaction();
    return result;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
};

// A receiver nothing tells about: the connection is unknown, and nothing else stops the rewrite.
export async function archive(source, id) {
  const session = await source.startSession();
  session.startTransaction();
  try {
    await source.updateOne({ _id: id }, { archived: true }, { session });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}
