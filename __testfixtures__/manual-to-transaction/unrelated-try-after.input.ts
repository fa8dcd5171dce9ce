import mongoose from 'mongoose';

// A connection smoke test: the transaction is one step among others, and the try further down
// belongs to the next step, not to the transaction.
export async function smokeTest(): Promise<void> {
  console.log('Test 3: Transaction');
  const session = await mongoose.startSession();
  const Probe = mongoose.models.Probe || mongoose.model('Probe', new mongoose.Schema({ name: String }));

  await session.withTransaction(async () => {
    await Probe.create([{ name: `probe-${Date.now()}` }], { session });
  });
  await session.endSession();
  console.log('Transaction: OK');

  try {
    await mongoose.connection.db!.command({ createSearchIndexes: 'probes', indexes: [] });
  } catch (e: any) {
    console.log('Search index error:', e.message);
  }
}
