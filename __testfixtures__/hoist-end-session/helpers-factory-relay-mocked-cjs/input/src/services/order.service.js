const orderRepository = require('../repositories/order.repository');
const { getTxSession } = require('../utils/db');

async function placeOrder(token, item, qty) {
  const login = await orderRepository.getSession(token);
  if (!login) throw new Error('not signed in');
  const session = await orderRepository.openSession();
  session.startTransaction();
  try {
    await orderRepository.reserve(item, qty, session);
    const order = await orderRepository.create({ item, qty, customer: login.customer }, session);
    await session.commitTransaction();
    session.endSession();
    return order;
  } catch (err) {
    await session.abortTransaction();
    session.endSession();
    throw err;
  }
}

async function placeStandingOrders(orders) {
  const session = await getTxSession();
  session.startTransaction();
  try {
    for (const order of orders) {
      await orderRepository.reserve(order.item, order.qty, session);
      await orderRepository.create(order, session);
    }
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  }
}

module.exports = { placeOrder, placeStandingOrders };
