const mongoose = require('mongoose');
const Stock = mongoose.model('Stock');
const Movement = mongoose.model('Movement');

// Called from inside the transaction with its session: its writes must finish before the commit.
async function take(sku, count, session) {
  Stock.updateOne({ sku }, { $inc: { count: -count } }, { session }).exec();
  Movement.create([{ sku, count: -count }], { session });
}

// Never called from a transaction: left alone.
async function audit(sku, session) {
  Movement.create([{ sku, count: 0 }], { session });
}

async function ship(lines) {
  await mongoose.connection.transaction(async (session) => {
    for (const line of lines) {
      await take(line.sku, line.count, session);
    }
  });
}

module.exports = { ship, audit };
