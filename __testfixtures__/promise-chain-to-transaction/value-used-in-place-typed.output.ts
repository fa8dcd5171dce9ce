import { Request, Response } from 'express';
import mongoose from 'mongoose';
import { Seat, Ticket } from '../models/ticketing';

// Ticket desk handlers that answer with what their promise chain resolved to.
export async function buyTicket(req: Request, res: Response): Promise<void> {
  const requestedAt = new Date();
  const result = await mongoose.connection.transaction(async (session) => {
    const seat = await Seat.findOneAndUpdate({ show: req.body.show, taken: false }, { taken: true }, { session, new: true });
    if (!seat) throw new Error('sold out');
    const [ticket] = await Ticket.create([{ show: req.body.show, seat: seat.number, holder: req.body.holder }], { session });
    return ticket;
  });
  res.json({
    requestedAt,
    ticket: result,
  });
}

export async function refundTicket(req: Request, res: Response): Promise<Response> {
  await Ticket.db.transaction(async (session) => {
    const ticket = await Ticket.findByIdAndDelete(req.params.id, { session });
    await Seat.updateOne({ show: ticket?.show, number: ticket?.seat }, { taken: false }, { session });
  });
  return res.send({ refunded: req.params.id });
}
