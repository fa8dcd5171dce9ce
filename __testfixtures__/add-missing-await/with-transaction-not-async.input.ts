import mongoose, { Schema, model } from 'mongoose';

const Device = model('Device', new Schema({ owner: String, active: Boolean }));

// The callback is not async and returns nothing: withTransaction() would commit at once.
export async function deactivate(owner: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(() => {
      Device.updateMany({ owner }, { active: false }, { session }).exec();
      Device.create([{ owner, active: false }], { session });
    });
  } finally {
    await session.endSession();
  }
}
