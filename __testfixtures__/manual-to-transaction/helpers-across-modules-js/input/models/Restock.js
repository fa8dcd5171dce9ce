const mongoose = require('mongoose');

const restockSchema = new mongoose.Schema({ sku: String, units: Number, label: String, booked: Boolean });

module.exports = mongoose.model('Restock', restockSchema);
