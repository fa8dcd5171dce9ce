const assert = require('assert');

// After the guide's save() example: a plain create first, the transaction started mid-chain,
// and a save() that uses the session the document carries from the query that loaded it.
function rename(db) {
  const Person = db.model('Person', new db.base.Schema({ name: String }));
  let session = null;
  return Person.createCollection()
    .then(() => db.startSession())
    .then((_session) => {
      session = _session;
      return Person.create({ name: 'before' });
    })
    .then(() => {
      session.startTransaction();
      return Person.findOne({ name: 'before' }).session(session);
    })
    .then((person) => {
      assert.ok(person.$session());
      person.name = 'after';
      return person.save();
    })
    .then(() => Person.findOne({ name: 'after' }))
    .then((missing) => assert.ok(!missing))
    .then(() => session.commitTransaction())
    .then(() => session.endSession())
    .then(() => Person.findOne({ name: 'after' }))
    .then((found) => assert.ok(found));
}

module.exports = { rename };
