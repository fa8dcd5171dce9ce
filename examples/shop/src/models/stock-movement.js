const mongoose = require('mongoose');

module.exports = mongoose.model(
  'StockMovement',
  new mongoose.Schema({ product: mongoose.Schema.Types.ObjectId, quantity: Number, at: { type: Date, default: Date.now } }),
);
