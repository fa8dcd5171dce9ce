const express = require('express');
const mongoose = require('mongoose');
const rentals = require('./controllers/rental.controller');
const payments = require('./controllers/payment.controller');

const app = express();
app.use(express.json());
app.post('/rentals', rentals.createRental);
app.post('/rentals/:id/pay', payments.payRental);

mongoose.connect(process.env.MONGO_URL).then(() => app.listen(3000));

module.exports = app;
