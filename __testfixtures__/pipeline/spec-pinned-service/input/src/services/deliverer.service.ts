import mongoose from 'mongoose';
import { Deliverer } from '../models/deliverer.model';
import LogisticsCenter from '../models/logisticsCenter.model';
import ApiError from '../utils/ApiError';

/** Assign a deliverer to a center and add its user to the center's employees. */
export const assignDelivererToCenter = async (delivererId: string, centerId: string) => {
  if (!mongoose.isValidObjectId(delivererId) || !mongoose.isValidObjectId(centerId)) {
    throw new ApiError(400, 'Invalid id(s)');
  }

  const session = await mongoose.startSession();
  try {
    session.startTransaction();

    const d = await Deliverer.findByIdAndUpdate(
      delivererId,
      { $addToSet: { logisticCenterIds: new mongoose.Types.ObjectId(centerId) } },
      { new: true, session }
    );
    if (!d) throw new ApiError(404, 'Deliverer not found');

    await LogisticsCenter.findByIdAndUpdate(centerId, { $addToSet: { employeeIds: d.user } }, { session });

    await session.commitTransaction();
    return d;
  } catch (e) {
    await session.abortTransaction();
    throw e;
  } finally {
    session.endSession();
  }
};

/** Rename a deliverer and the center it leads (no spec covers it). */
export const renameDelivererAndCenter = async (delivererId: string, centerId: string, name: string) => {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    const d = await Deliverer.findByIdAndUpdate(delivererId, { name }, { new: true, session });
    if (!d) throw new ApiError(404, 'Deliverer not found');
    await LogisticsCenter.findByIdAndUpdate(centerId, { logisticName: `${name}'s center` }, { session });
    await session.commitTransaction();
    return d;
  } catch (e) {
    await session.abortTransaction();
    throw e;
  } finally {
    session.endSession();
  }
};
