const mongoose = require('mongoose');
const Seat = require('../models/seat');
const Ticket = require('../models/ticket');

// Each seat is held in turn; a seat already held is skipped, and its position is kept on the ticket.
exports.holdSeats = async (req, res) => {
  const { showtime, seats } = req.body;
  const tickets = await mongoose.connection.transaction(async (session) => {
    const holds = [];
    seats.forEach((seat, position) => {
      if (!seat) return;
      holds.push(Ticket.create([{ showtime, seat, position }], { session }));
    });
    const created = await Promise.all(holds);
    return created.map(([ticket]) => ticket);
  });
  res.status(201).json(tickets);
};

// Counters kept by seat, then waited for together.
exports.countViews = async (req, res) => {
  await mongoose.connection.transaction(async (session) => {
    const updates = new Map();
    for (const seat of req.body.seats) {
      updates.set(seat, Seat.updateOne({ _id: seat }, { $inc: { views: 1 } }, { session }));
    }
    await Promise.all(updates.values());
  });
  res.status(204).end();
};

// The freed seats' results, assigned to a variable declared before the transaction.
exports.freeSeats = async (req, res) => {
  let freed = [];
  await mongoose.connection.transaction(async (session) => {
    freed = await Promise.all(
      req.body.seats.map(async (seat) => {
        const result = await Seat.updateOne({ _id: seat, heldBy: req.user.id }, { $unset: { heldBy: 1 } }, { session });
        return result.modifiedCount;
      }),
    );
  });
  res.json({ freed: freed.filter(Boolean).length });
};
