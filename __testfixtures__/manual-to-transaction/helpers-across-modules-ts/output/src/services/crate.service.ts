import mongoose, { Types } from "mongoose";
import { Crate } from "../models/crate.model";
import { printLabel, signLabel } from "./label.service";
import { sortedClaims } from "../utils/sortedClaims";

export async function addCrates(orderId: string, count: number) {
  if (!Number.isInteger(count) || count <= 0) {
    throw new Error("count must be a positive integer");
  }

  const crateIds = await mongoose.connection.transaction(async (session) => {
    const order = new Types.ObjectId(orderId);
    const crateIds: string[] = [];

    for (let i = 0; i < count; i++) {
      const crateId = `${orderId}_${i + 1}`;
      const claims = sortedClaims({ orderId: order, crateId, packedAt: new Date() });
      const token = `CR-${String(new Types.ObjectId())}`;
      const sig = signLabel({
        token,
        crateId,
        claims,
      });

      await Crate.create([{ crateId, orderId: order, labels: [{ token, sig }] }], { session });
      crateIds.push(crateId);
    }
    return crateIds;
  });

  return {
    ok: true,
    added: crateIds.length,
    crateIds,
  };
}

// Printing inside the transaction: a retried body would print every label again.
export async function addPrintedCrate(orderId: string) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const crateId = `${orderId}_printed`;
    const token = `CR-${String(new Types.ObjectId())}`;
    const sig = signLabel({ token, crateId, claims: sortedClaims({ orderId, crateId }) });
    await Crate.create([{ crateId, orderId: new Types.ObjectId(orderId), labels: [{ token, sig }] }], { session });
    await printLabel(crateId, sig);
    await session.commitTransaction();
    return crateId;
  } catch (e) {
    await session.abortTransaction();
    throw e;
  } finally {
    session.endSession();
  }
}
