const express = require('express');
const { startTransaction } = require('../middleware/transaction');
const orders = require('../controllers/orders.controller');

const router = express.Router();
router.post('/orders', startTransaction, orders.create);
router.post('/orders/reserve', startTransaction, orders.reserve);
router.post('/orders/:id/refund', startTransaction, orders.refund);

module.exports = router;
