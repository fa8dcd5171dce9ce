import mongoose, { Types } from "mongoose";
import Shelf from "../models/Shelf.model";
import ContainerOps from "../models/ContainerOps.model";
import ApiError from "../utils/ApiError";

export namespace ShelfService {
  /** Put a container on a shelf slot; both documents change together. */
  export async function placeContainer(shelfId: string, slotId: string, containerOpsId: string, weightKg: number) {
    let result: any;

    await mongoose.connection.transaction(async (session) => {
      const shelf = await Shelf.findById(shelfId).session(session);
      if (!shelf) throw new ApiError(404, "Shelf not found");
      const ops = await ContainerOps.findById(containerOpsId).session(session);
      if (!ops) throw new ApiError(404, "ContainerOps not found");

      const slot = shelf.slots.find((s: any) => s.slotId === slotId);
      if (!slot) throw new ApiError(404, "Slot not found on shelf");
      slot.containerOpsId = new Types.ObjectId(containerOpsId);
      slot.currentWeightKg = weightKg;
      await shelf.save({ session });

      ops.state = "shelved";
      await ops.save({ session });
      result = { shelfId: shelf._id, slotId };
    });

    return result;
  }

  /** Empty a slot: the hand-managed form. */
  export async function emptySlot(shelfId: string, slotId: string) {
    await mongoose.connection.transaction(async (session) => {
      const shelf = await Shelf.findById(shelfId).session(session);
      if (!shelf) throw new ApiError(404, "Shelf not found");
      const slot = shelf.slots.find((s: any) => s.slotId === slotId);
      if (!slot) throw new ApiError(404, "Slot not found on shelf");
      slot.containerOpsId = null;
      slot.currentWeightKg = 0;
      await shelf.save({ session });
    });
  }
}
