const asyncHandler = require('express-async-handler');
const Cinema = require('../models/Cinema');
const Food = require('../models/Food');
const Theater = require('../models/Theater');

// The transaction middleware put the session on req.session; this handler only ends it.
const removeFood = asyncHandler(async (req, res) => {
    const session = req.session;
    const { foodId } = req.params;
    await Promise.all([
        Cinema.updateMany({ foods: foodId }, { $pull: { foods: foodId } }, { session }),
        Theater.updateMany({ foods: foodId }, { $pull: { foods: foodId } }, { session }),
    ]);
    await Food.deleteOne({ _id: foodId }, { session });

    session.endSession();
    res.status(204).end();
});

// The middleware commits once the response is sent; this handler only writes with the session.
const moveFood = asyncHandler(async (req, res) => {
    const { from, to, foodId } = req.body;
    await Promise.all([
        Theater.updateOne({ _id: from }, { $pull: { foods: foodId } }, { session: req.session }),
        Theater.updateOne({ _id: to }, { $push: { foods: foodId } }, { session: req.session }),
    ]);
    res.status(204).end();
});

// Reads without the session, in parallel: nothing to change.
const listFoods = asyncHandler(async (req, res) => {
    const session = req.session;
    const [foods, total] = await Promise.all([Food.find().limit(20), Food.countDocuments()]);

    session.endSession();
    res.json({ data: foods, total });
});

// express-session's req.session: it keeps the login, and is neither a MongoDB session nor ended.
const rememberTheater = asyncHandler(async (req, res) => {
    req.session.theater = req.params.theaterId;
    const [theater, foods] = await Promise.all([Theater.findById(req.params.theaterId), Food.find({ theater: req.params.theaterId })]);
    res.json({ theater, foods, visitor: req.session.id });
});

module.exports = { removeFood, moveFood, listFoods, rememberTheater };
