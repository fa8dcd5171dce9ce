const assert = require('assert');

// After the guide's save() example: a plain create first, the transaction started mid-chain,
// and a save() that uses the session the document carries from the query that loaded it.
async function rename(db) {
  const Person = db.model('Person', new db.base.Schema({ name: String }));
  await Person.createCollection();
  await Person.create({ name: 'before' });
  await db.transaction(async (session) => {
    const person = await Person.findOne({ name: 'before' }).session(session);
    assert.ok(person.$session());
    person.name = 'after';
    await person.save();
    const missing = await Person.findOne({ name: 'after' });
    assert.ok(!missing);
  });
  const found = await Person.findOne({ name: 'after' });
  assert.ok(found);
}

module.exports = { rename };
