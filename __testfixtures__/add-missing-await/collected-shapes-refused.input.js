const mongoose = require('mongoose');
const Seat = require('../models/seat');
const Ticket = require('../models/ticket');

// The callback adds waiting seats to the very array forEach walks: forEach stops at the length it
// started with, a for...of loop would also walk the seats added.
exports.holdWithWaitlist = async (req, res) => {
  const seats = [...req.body.seats];
  await mongoose.connection.transaction(async (session) => {
    const holds = [];
    seats.forEach((seat) => {
      if (seat.waitlist) seats.push({ ...seat, waitlist: false });
      holds.push(Ticket.create([{ seat: seat.id }], { session }));
    });
    await Promise.all(holds);
  });
  res.status(204).end();
};

// The callback reads the array it is given as its third argument.
exports.holdRows = async (req, res) => {
  await mongoose.connection.transaction(async (session) => {
    const holds = [];
    req.body.seats.forEach((seat, i, all) => holds.push(Seat.updateOne({ _id: seat }, { $set: { row: all.length - i } }, { session })));
    await Promise.all(holds);
  });
  res.status(204).end();
};

// The operation was started before the map keeps it.
exports.countViews = async (req, res) => {
  await mongoose.connection.transaction(async (session) => {
    const updates = new Map();
    const first = Seat.updateOne({ _id: req.body.first }, { $inc: { views: 1 } }, { session });
    updates.set('first', first);
    await Promise.all(updates.values());
    res.json({ first: await updates.get('first') });
  });
};

// Reads with no session, outside any transaction: nothing to change.
exports.seatMap = async (req, res) => {
  const lookups = [];
  req.body.rows.forEach((row) => lookups.push(Seat.find({ row })));
  const rows = await Promise.all(lookups);
  res.json(rows);
};

// A failed hold is passed over inside the callback: awaited there, its failure would be caught.
exports.holdWhatCan = async (req, res) => {
  await mongoose.connection.transaction(async (session) => {
    const holds = [];
    req.body.seats.forEach((seat) => {
      try {
        holds.push(Ticket.create([{ seat }], { session }));
      } catch (error) {
        console.warn('skipped', seat, error);
      }
    });
    await Promise.all(holds);
  });
  res.status(204).end();
};

// forEach over a Map gives its values; a for...of loop over it would give [key, value] pairs.
exports.holdByRow = async (req, res) => {
  const rows = new Map(Object.entries(req.body.rows));
  await mongoose.connection.transaction(async (session) => {
    const holds = [];
    rows.forEach((seats) => holds.push(Seat.updateMany({ _id: { $in: seats } }, { $set: { held: true } }, { session })));
    await Promise.all(holds);
  });
  res.status(204).end();
};

// The array is read again by a callback of its own, so the operations are not followed to Promise.all().
exports.holdAndLog = async (req, res) => {
  await mongoose.connection.transaction(async (session) => {
    const holds = [];
    req.body.seats.forEach((seat) => holds.push(Ticket.create([{ seat }], { session })));
    await Promise.all(holds);
    setImmediate(() => console.log('held', holds.length));
  });
  res.status(204).end();
};
