const mongoose = require('mongoose');
const Stock = mongoose.model('Stock');

// One caller passes a session of its own: the helper keeps using the session it is given.
async function take(sku, session) {
  await Stock.updateOne({ sku }, { $inc: { count: -1 } }, { session });
}

async function viaTransaction(sku) {
  await mongoose.connection.transaction(async (session) => {
    await take(sku, session);
  });
}

async function viaManual(sku) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await take(sku, session);
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}

module.exports = { viaTransaction, viaManual };
