import { Response } from 'express';
import mongoose from 'mongoose';
import Booking from '../../models/booking.model';
import Clinic from '../../models/clinic.model';
import { AuthedRequest } from '../../types/auth';
import { notifyPatient } from '../../utils/notify';

const bookVisit = async (req: AuthedRequest, res: Response) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const clinic = await Clinic.findById(req.params.clinicId).session(session);
    if (!clinic) {
      res.status(404).json({ message: 'Clinic not found' });
      return;
    }
    const booking = await new Booking({ clinic: clinic._id, patient: req.user!._id }).save({ session });
    await session.commitTransaction();
    await notifyPatient(req.user!.email, `Your visit at ${clinic.name} is booked`);
    res.status(201).json(booking);
  } catch (error) {
    if (session.inTransaction()) await (await session).abortTransaction();
    res.status(500).json({ message: (error as Error).message });
  } finally {
    await session.endSession();
  }
};

export default bookVisit;
