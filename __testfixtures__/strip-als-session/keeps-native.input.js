const mongoose = require('mongoose');
const Event = mongoose.model('Event');

// Calls on the native driver never see AsyncLocalStorage: their session stays.
async function record(kind) {
  await mongoose.connection.transaction(async (session) => {
    await Event.collection.insertOne({ kind, at: new Date() }, { session });
    await mongoose.connection.db.collection('audit').insertOne({ kind }, { session });
    await mongoose.connection.client.db('metrics').collection('counts').updateOne({ kind }, { $inc: { n: 1 } }, { session });
    await Event.createCollection({ session });
  });
}

module.exports = { record };
