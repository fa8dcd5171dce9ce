const mongoose = require('mongoose');

const customerSchema = new mongoose.Schema({
  email: { type: String, required: true },
  credit: { type: Number, default: 0 },
  orders: [{ type: mongoose.Schema.Types.ObjectId, ref: 'Order' }],
});

module.exports = mongoose.model('Customer', customerSchema);
