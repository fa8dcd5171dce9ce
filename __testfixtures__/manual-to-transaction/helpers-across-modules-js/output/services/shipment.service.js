import mongoose from "mongoose";
import stockRepo from "../repositories/stock.repository.js"
import shipmentRepo from "../repositories/shipment.repository.js"
import mailer from "../lib/mailer.js";


const shipUnits = async ({ sku, units }) => {
  await mongoose.connection.transaction(async (session) => {
    const stock = await stockRepo.takeUnits(
      sku,
      units,
      session
    );

    if (!stock) {
      throw new Error("Not enough stock");
    }

    await shipmentRepo.openShipment(
      { sku, units, state: "OPEN" },
      session
    );
  });

  return { message: "Shipment opened" };
};

// The mail goes out inside the transaction: a retried body would send it twice.
export const shipAndConfirm = async ({ sku, units, email }) => {
  const session = await mongoose.startSession();
  session.startTransaction();

  try {
    const stock = await stockRepo.takeUnits(sku, units, session);
    if (!stock) {
      throw new Error("Not enough stock");
    }
    await shipmentRepo.openShipment({ sku, units, state: "OPEN" }, session);
    await mailer.confirmShipment(email, sku, units);

    await session.commitTransaction();
    return { message: "Shipment opened" };
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
};

export default shipUnits
