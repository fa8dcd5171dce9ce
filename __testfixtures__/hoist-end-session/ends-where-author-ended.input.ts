import mongoose from 'mongoose';

// A smoke test: the session is used for one transaction and ended right after it; the rest of
// the script has nothing to do with it, so the finally closes where the session was ended.
export async function smokeTest(uri: string): Promise<void> {
  await mongoose.connect(uri);
  const session = await mongoose.startSession();
  const Probe = mongoose.models.Probe || mongoose.model('Probe', new mongoose.Schema({ name: String }));

  await session.withTransaction(async () => {
    await Probe.create([{ name: `probe-${Date.now()}` }], { session });
  });
  await session.endSession();
  console.log('transaction: OK');

  const count = await mongoose.connection.collection('probes').countDocuments();
  console.log(`probes: ${count}`);
  await mongoose.disconnect();
}
