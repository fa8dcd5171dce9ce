const orderService = require('../services/order.service');

exports.create = async (req, res, next) => {
  try {
    const order = await orderService.placeOrder(req.user.id, req.body.lines, req.dbSession);
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
};

exports.reserve = async (req, res, next) => {
  try {
    const session = req.dbSession;
    await orderService.reserveStock(req.body.lines, session);
    res.status(202).json({ reserved: true });
  } catch (err) {
    next(err);
  }
};

exports.refund = async (req, res, next) => {
  try {
    const order = await orderService.refundOrder(req.params.id, req.dbSession);
    res.json(order);
  } catch (err) {
    next(err);
  }
};
