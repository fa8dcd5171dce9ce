const mongoose = require('mongoose');
const Cart = mongoose.model('Cart');
const Order = mongoose.model('Order');

// Each step reads the one before, and the chain resolves to the created order.
async function checkout(cartId) {
  const order = await Cart.db.transaction(async (session) => {
    const cart = await Cart.findById(cartId).session(session);
    const created = await Order.create([{ items: cart.items, total: cart.total }], { session });
    await Cart.deleteOne({ _id: cartId }, { session });
    const order2 = await created[0];
    return order2;
  });
  return order;
}

// Two nested steps both call their value `order`: they cannot share one function, so it stays.
function reorder(orderId) {
  let session = null;
  return Order.startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Order.findById(orderId).session(session);
    })
    .then((order) => Order.create([{ items: order.items }], { session }))
    .then(([order]) => session.commitTransaction().then(() => order))
    .then((order) => {
      session.endSession();
      return order;
    });
}

module.exports = { checkout, reorder };
