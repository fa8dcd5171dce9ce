const express = require('express');
const session = require('express-session');
const { connectDB } = require('./db');
const orders = require('./routes/orders');

const app = express();
app.use(express.json());
app.use(session({ secret: process.env.SESSION_SECRET || 'dev', resave: false, saveUninitialized: false }));
app.use(orders);

connectDB(process.env.MONGODB_URI || 'mongodb://localhost:27017/shop?replicaSet=rs0').then(() => app.listen(3000));
