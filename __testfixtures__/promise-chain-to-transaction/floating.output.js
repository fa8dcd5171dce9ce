const mongoose = require('mongoose');
const Audit = mongoose.model('Audit');

// Neither returned nor awaited: callers never knew when (or whether) it finished.
async function archive(ids) {
  await mongoose.connection.transaction(async (session) => {
    await Audit.updateMany({ _id: { $in: ids } }, { archived: true }, { session });
  });
}

module.exports = { archive };
