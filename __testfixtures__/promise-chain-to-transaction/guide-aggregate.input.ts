import assert from 'node:assert';
import { Connection, Schema } from 'mongoose';

// After the guide's aggregate() example: an Aggregate is a lazy thenable with .session().
export function monthlyCounts(db: Connection) {
  const Visit = db.model('Visit', new Schema({ at: Date }));
  let session: any = null;
  return Visit.createCollection()
    .then(() => db.startSession())
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Visit.insertMany([{ at: new Date('2024-06-01') }, { at: new Date('2024-06-02') }], { session: session });
    })
    .then(() => Visit.aggregate([{ $group: { _id: { $month: '$at' }, count: { $sum: 1 } } }]).session(session))
    .then((groups) => assert.deepStrictEqual(groups, [{ _id: 6, count: 2 }]))
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}
