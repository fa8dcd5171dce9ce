const mongoose = require('mongoose');
const stock = require('../repositories/stock');
const orders = require('../repositories/orders');

// Transactions need a replica set; on a standalone server the work runs without one.
async function checkout(sku, quantity) {
  const transactional = process.env.MONGO_REPLICA_SET === 'true';
  const session = transactional ? await mongoose.startSession() : null;

  try {
    let order;
    const work = async (active) => {
      const item = await stock.take(sku, quantity, active);
      if (!item) throw new Error('Out of stock');
      order = await orders.create({ sku, quantity, price: item.price * quantity }, active);
    };

    if (session) {
      await session.withTransaction(() => work(session));
    } else {
      await work(null);
    }
    return order;
  } finally {
    if (session) session.endSession();
  }
}

module.exports = { checkout };
