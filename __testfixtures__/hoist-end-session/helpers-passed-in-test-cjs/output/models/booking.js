const mongoose = require("mongoose");

module.exports = mongoose.model("Booking", new mongoose.Schema({ pet: String, days: Number }));
