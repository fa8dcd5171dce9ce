const mongoose = require('mongoose');
const Seat = require('../models/seat');
const Ticket = require('../models/ticket');

// Each seat is held in turn; a seat already held is skipped, and its position is kept on the ticket.
exports.holdSeats = async (req, res) => {
  const { showtime, seats } = req.body;
  const tickets = await mongoose.connection.transaction(async (session) => {
    const created = [];
    for (const [position, seat] of seats.entries()) {
      if (!seat) continue;
      created.push(await Ticket.create([{ showtime, seat, position }], { session }));
    }
    return created.map(([ticket]) => ticket);
  });
  res.status(201).json(tickets);
};

// Counters kept by seat, then waited for together.
exports.countViews = async (req, res) => {
  await mongoose.connection.transaction(async (session) => {
    for (const seat of req.body.seats) {
      await Seat.updateOne({ _id: seat }, { $inc: { views: 1 } }, { session });
    }
  });
  res.status(204).end();
};

// The freed seats' results, assigned to a variable declared before the transaction.
exports.freeSeats = async (req, res) => {
  let freed = [];
  await mongoose.connection.transaction(async (session) => {
    const nextFreed = [];
    for (const seat of req.body.seats) {
      const result = await Seat.updateOne({ _id: seat, heldBy: req.user.id }, { $unset: { heldBy: 1 } }, { session });
      nextFreed.push(result.modifiedCount);
    }
    freed = nextFreed;
  });
  res.json({ freed: freed.filter(Boolean).length });
};
