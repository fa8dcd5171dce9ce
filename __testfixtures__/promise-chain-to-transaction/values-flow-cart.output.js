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

// Two nested steps both call their value `order`: once they share one function, the later ones
// are renamed.
async function reorder(orderId) {
  const order = await Order.db.transaction(async (session) => {
    const order2 = await Order.findById(orderId).session(session);
    const [order3] = await Order.create([{ items: order2.items }], { session });
    return order3;
  });
  return order;
}

module.exports = { checkout, reorder };
