const mongoose = require("mongoose");

module.exports = mongoose.model("Order", new mongoose.Schema({ customerId: String, total: Number }));
