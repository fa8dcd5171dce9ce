const mongoose = require('mongoose');
const Stock = mongoose.model('Stock');

// Every caller passes the transaction() callback's own session, so the helper's operations
// pick it up from AsyncLocalStorage, and the session parameter goes with its arguments.
async function take(sku, count, session) {
  await Stock.updateOne({ sku }, { $inc: { count: -count } }, { session });
}

async function ship(lines) {
  await mongoose.connection.transaction(async (session) => {
    for (const line of lines) {
      await take(line.sku, line.count, session);
    }
  });
}

module.exports = { ship };
