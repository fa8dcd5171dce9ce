const orderRepository = require('../repositories/order.repository');
const { getTxSession } = require('../utils/db');
const ledger = require('../utils/sql');

async function placeOrder(token, item, qty) {
  const login = await orderRepository.getSession(token);
  if (!login) throw new Error('not signed in');
  const session = await orderRepository.openSession();
  session.startTransaction();
  try {
    await orderRepository.reserve(item, qty, session);
    const order = await orderRepository.create({ item, qty, customer: login.customer }, session);
    await session.commitTransaction();
    return order;
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
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
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}

async function recordPayment(orderId, amount) {
  const ledgersession = await ledger.getTxSession();
  try {
    await ledgersession('payments').insert({ order_id: String(orderId), amount });
    await ledgersession.commit();
  } catch (err) {
    await ledgersession.rollback();
    throw err;
  }
}

module.exports = { placeOrder, placeStandingOrders, recordPayment };
