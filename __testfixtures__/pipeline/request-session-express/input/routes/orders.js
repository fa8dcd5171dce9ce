const express = require('express');
const { withTransaction } = require('../middleware/transaction');
const orders = require('../controllers/orders');

const router = express.Router();
router.post('/orders', withTransaction, orders.placeOrder);
router.post('/orders/:id/cancel', withTransaction, orders.cancelOrder);
router.post('/logout', orders.logout);

module.exports = router;
