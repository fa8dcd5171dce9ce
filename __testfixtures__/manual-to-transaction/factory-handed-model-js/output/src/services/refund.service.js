const { Refund } = require('../utils/db');

async function refund(orderId, amount) {
  await Refund.db.transaction(async (session) => {
    await Refund.create([{ order: orderId, amount }], { session });
  });
}

async function reverse(orderId) {
  await Refund.db.transaction(async (session) => {
    await Refund.deleteMany({ order: orderId }, { session });
  });
}

module.exports = { refund, reverse };
