const mongoose = require('mongoose');
const stock = require('../repositories/stock');
const { notifyWarehouse } = require('./notify');

async function checkout(cart) {
  await mongoose.connection.transaction(async (session) => {
    for (const item of cart.items) {
      await stock.reserve(item.sku, item.quantity, session);
    }
  });
  notifyWarehouse(cart);
}

module.exports = { checkout };
