const mongoose = require('mongoose');
const Event = mongoose.model('Event');

// Sessions that opt out of ALS, or that may be absent, stay as written.
async function record(name, options = {}) {
  await mongoose.connection.transaction(async (session) => {
    await Event.create([{ name }], { session: null });
    await Event.find({ name }).session(null);
    await Event.updateOne({ name }, { seen: true }, { session: options.inTransaction ? session : undefined });
    await Event.deleteMany({ name: '' }, { session: options.session });
    await Event.updateMany({ name }, { archived: true }, { session: session || undefined });
  });
}

module.exports = { record };
