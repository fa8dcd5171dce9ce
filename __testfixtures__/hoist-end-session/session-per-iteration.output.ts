import { Schema, model } from 'mongoose';

const Job = model('Job', new Schema({ name: String, done: Boolean }));

// One session per loop iteration, ended after the try: a throw from abortTransaction()
// skips the end and leaks the session.
export async function finishAll(names: string[]) {
  for (const name of names) {
    const session = await Job.startSession();
    session.startTransaction();
    try {
      await Job.updateOne({ name }, { done: true }, { session });
      await session.commitTransaction();
    } catch (error) {
      if (session.inTransaction()) await session.abortTransaction();
      else throw error;
    } finally {
      await session.endSession();
    }
  }
}
