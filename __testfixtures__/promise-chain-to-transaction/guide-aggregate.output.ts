import assert from 'node:assert';
import { Connection, Schema } from 'mongoose';

// After the guide's aggregate() example: an Aggregate is a lazy thenable with .session().
export async function monthlyCounts(db: Connection) {
  const Visit = db.model('Visit', new Schema({ at: Date }));
  await Visit.createCollection();
  await db.transaction(async (session) => {
    await Visit.insertMany([{ at: new Date('2024-06-01') }, { at: new Date('2024-06-02') }], { session: session });
    const groups = await Visit.aggregate([{ $group: { _id: { $month: '$at' }, count: { $sum: 1 } } }]).session(session);
    assert.deepStrictEqual(groups, [{ _id: 6, count: 2 }]);
  });
}
