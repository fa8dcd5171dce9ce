const mongoose = require('mongoose');
const Reading = mongoose.model('Reading');

// On Mongoose 7.8.0 ALS reaches insertMany, but never an aggregate cursor.
async function store(sensor, values) {
  await mongoose.connection.transaction(async (session) => {
    await Reading.updateOne({ sensor }, { $set: { latest: values[0] } });
    await Reading.insertMany(values.map((value) => ({ sensor, value })));
    const cursor = Reading.aggregate([{ $match: { sensor } }]).session(session).cursor();
    for await (const row of cursor) console.log(row);
  });
}

module.exports = { store };
