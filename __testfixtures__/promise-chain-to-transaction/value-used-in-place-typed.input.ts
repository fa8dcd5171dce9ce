import { Request, Response } from 'express';
import mongoose from 'mongoose';
import { Seat, Ticket } from '../models/ticketing';

// Ticket desk handlers that answer with what their promise chain resolved to.
export async function buyTicket(req: Request, res: Response): Promise<void> {
  const requestedAt = new Date();
  let session: mongoose.ClientSession;
  res.json({
    requestedAt,
    ticket: await mongoose
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return Seat.findOneAndUpdate({ show: req.body.show, taken: false }, { taken: true }, { session, new: true });
      })
      .then((seat) => {
        if (!seat) throw new Error('sold out');
        return Ticket.create([{ show: req.body.show, seat: seat.number, holder: req.body.holder }], { session });
      })
      .then(([ticket]) => session.commitTransaction().then(() => ticket))
      .finally(() => session.endSession()),
  });
}

export async function refundTicket(req: Request, res: Response): Promise<Response> {
  let session: mongoose.ClientSession;
  return res.send(
    await Ticket.startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return Ticket.findByIdAndDelete(req.params.id, { session });
      })
      .then((ticket) => Seat.updateOne({ show: ticket?.show, number: ticket?.seat }, { taken: false }, { session }))
      .then(() => session.commitTransaction())
      .then(() => session.endSession())
      .then(() => ({ refunded: req.params.id })),
  );
}
