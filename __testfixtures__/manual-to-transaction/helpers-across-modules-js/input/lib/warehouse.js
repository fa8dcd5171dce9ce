const axios = require('axios');
const Restock = require('../models/Restock');

async function book(sku, units, session) {
  await Restock.updateOne({ sku }, { $set: { booked: true } }, { session });
  await axios.post('https://warehouse.example.com/bookings', { sku, units });
}

module.exports = { book };
