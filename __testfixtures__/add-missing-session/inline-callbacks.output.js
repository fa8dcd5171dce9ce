const mongoose = require('mongoose');
const Inventory = require('../models/inventory');
const Reservation = require('../models/reservation');

// A cart reservation (CommonJS): writes in forEach/map callbacks and in a for...of loop are part
// of the transaction's work; a function handed to a timer runs at another time and is left alone.
exports.reserveAll = async (cartId, items) => {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Promise.all(items.map((item) => Inventory.updateOne({ sku: item.sku }, { $inc: { reserved: item.quantity } }, { session })));
      for (const item of items) {
        await Reservation.create([{ cart: cartId, sku: item.sku, quantity: item.quantity }], { session });
      }
      setTimeout(() => {
        Reservation.updateMany({ cart: cartId }, { $set: { expired: true } }).exec();
      }, 15 * 60 * 1000);
    });
  } finally {
    await session.endSession();
  }
};
