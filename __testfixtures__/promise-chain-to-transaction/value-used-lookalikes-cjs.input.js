const mongoose = require('mongoose');
const Stock = require('../models/stock');

// Chains whose value is declared where transaction() would not give the same value.

// The .catch() gives the declared value on failure.
exports.reserve = async (req, res) => {
  let session;
  const outcome = await mongoose
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Stock.updateOne({ sku: req.body.sku, qty: { $gte: req.body.qty } }, { $inc: { qty: -req.body.qty } }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => ({ ok: true }))
    .catch((error) => {
      session.endSession();
      return { ok: false, error: error.message };
    });
  res.json(outcome);
};

// The declared value is what endSession() resolved to, not anything the transaction made.
exports.clear = async (req, res) => {
  let session;
  const ended = await mongoose
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Stock.deleteMany({ sku: req.params.sku }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
  res.json({ ended });
};
