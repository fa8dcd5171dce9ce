const mongoose = require('mongoose');
const Stock = require('../models/stock');
const Shipment = require('../models/shipment');

// Repository objects kept next to the service that uses them.
const stockRepo = {
  takeUnits(sku, units, session) {
    return Stock.findOneAndUpdate(
      { sku, available: { $gte: units } },
      { $inc: { available: -units } },
      { new: true, session }
    );
  },
};

const shipmentRepo = {
  openShipment: (data, session) => Shipment.create([data], { session }),
};

const shipUnits = async ({ sku, units }) => {
  const session = await mongoose.startSession();
  session.startTransaction();

  try {
    const stock = await stockRepo.takeUnits(sku, units, session);
    if (!stock) {
      throw new Error('Not enough stock');
    }

    await shipmentRepo.openShipment({ sku, units, state: 'OPEN' }, session);

    await session.commitTransaction();
    return { message: 'Shipment opened' };
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
};

module.exports = { shipUnits };
