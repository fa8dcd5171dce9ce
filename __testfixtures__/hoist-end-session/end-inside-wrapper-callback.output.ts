import mongoose, { ClientSession } from 'mongoose';
import { Car } from './models/car';
import { Rental } from './models/rental';

export async function executeWithTransaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const res = await fn(session);
    await session.commitTransaction();
    return res;
  } catch (e) {
    if (session.inTransaction()) await session.abortTransaction();
    throw e;
  } finally {
    await session.endSession();
  }
}

export async function rentCar(carId: string, userId: string) {
  return executeWithTransaction(async (session) => {
    const car = await Car.findByIdAndUpdate(carId, { $set: { available: false } }, { session, new: true });
    const [rental] = await Rental.create([{ car: carId, user: userId }], { session });
    return { car, rental };
  });
}
