const Order = require('../models/order');
const Stock = require('../models/stock');
const LoginSession = require('../models/login-session');
const { getTxSession } = require('../utils/db');

class OrderRepository {
  openSession() {
    return getTxSession();
  }

  // A customer's login session, a document: not a MongoDB session.
  getSession(token) {
    return LoginSession.findOne({ token, expiresAt: { $gt: new Date() } });
  }

  async reserve(item, qty, session) {
    const stock = await Stock.findOneAndUpdate({ item, count: { $gte: qty } }, { $inc: { count: -qty } }, { session, new: true });
    if (!stock) throw new Error(`${item} is sold out`);
    return stock;
  }

  async create(order, session) {
    const [created] = await Order.create([order], { session });
    return created;
  }
}

module.exports = new OrderRepository();
