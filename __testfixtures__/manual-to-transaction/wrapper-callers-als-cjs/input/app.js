const express = require('express');
const mongoose = require('mongoose');
const orders = require('./controllers/orders');

mongoose.set('transactionAsyncLocalStorage', true);

const app = express();
app.post('/orders', orders.placeOrder);

module.exports = app;
