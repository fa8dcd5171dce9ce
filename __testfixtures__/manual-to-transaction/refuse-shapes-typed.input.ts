import mongoose, { ClientSession } from 'mongoose';

const Entry = mongoose.model('Entry', new mongoose.Schema({ text: String }));

// Read again through the session after the commit.
export async function addAndCount(text: string): Promise<number> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Entry.create([{ text }], { session });
    await session.commitTransaction();
    return await Entry.countDocuments({}).session(session);
  } finally {
    await session.endSession();
  }
}

// Started only when the session is idle.
export async function addIfIdle(text: string): Promise<void> {
  const session: ClientSession = await mongoose.startSession();
  if (!session.inTransaction()) session.startTransaction();
  await Entry.create([{ text }], { session });
  await session.commitTransaction();
  await session.endSession();
}

// Committed or aborted by a condition.
export async function addOrDrop(text: string, keep: boolean): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Entry.create([{ text }], { session });
    if (keep) await session.commitTransaction();
    else await session.abortTransaction();
  } finally {
    await session.endSession();
  }
}

// Returns before the commit without aborting, from inside a loop.
export async function addUnlessEmpty(texts: string[]): Promise<boolean> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    for (const text of texts) {
      if (!text) return false;
      await Entry.create([{ text }], { session });
    }
    await session.commitTransaction();
    return true;
  } finally {
    await session.endSession();
  }
}

// Kept on an object for later use.
export async function addAndKeep(holder: { current?: ClientSession }, text: string): Promise<void> {
  const session = await mongoose.startSession();
  holder.current = session;
  session.startTransaction();
  await Entry.create([{ text }], { session });
  await session.commitTransaction();
  await session.endSession();
}
