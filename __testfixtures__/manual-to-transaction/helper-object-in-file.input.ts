import mongoose, { ClientSession } from 'mongoose';

const Stock = mongoose.model('Stock', new mongoose.Schema({ sku: String, available: Number }));
const Shipment = mongoose.model('Shipment', new mongoose.Schema({ sku: String, units: Number, state: String }));

interface ShipmentInput {
  sku: string;
  units: number;
  state: string;
}

export const stockRepo = {
  takeUnits(sku: string, units: number, session: ClientSession) {
    return Stock.findOneAndUpdate(
      { sku, available: { $gte: units } },
      { $inc: { available: -units } },
      { new: true, session },
    );
  },
};

export const shipmentRepo = {
  openShipment: (data: ShipmentInput, session: ClientSession) => Shipment.create([data], { session }),
};

export const shipUnits = async ({ sku, units }: { sku: string; units: number }) => {
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
