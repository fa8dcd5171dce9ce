const mongoose = require('mongoose');

const Entry = mongoose.model('Entry', new mongoose.Schema({ journal: String, amount: Number }));

async function post(journal) {
  await mongoose.connection.transaction(async (session) => {
    await Entry.create([{ journal, amount: -10 }], { session });
    await Entry.create([{ journal, amount: 10 }, { journal, amount: 0 }], { session });
    await Entry.create([{ journal, amount: 5 }, { journal, amount: -5 }], { ordered: true, session });
    // A single document and { session }: the options object would be saved as a document too.
    await Entry.create({ journal, amount: 1 }, { session });
  });
}

module.exports = { post };
