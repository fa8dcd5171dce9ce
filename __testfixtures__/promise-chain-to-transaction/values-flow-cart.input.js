const mongoose = require('mongoose');
const Cart = mongoose.model('Cart');
const Order = mongoose.model('Order');

// Each step reads the one before, and the chain resolves to the created order.
function checkout(cartId) {
  let session = null;
  return Cart.startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Cart.findById(cartId).session(session);
    })
    .then((cart) => Order.create([{ items: cart.items, total: cart.total }], { session }))
    .then((created) => Cart.deleteOne({ _id: cartId }, { session }).then(() => created[0]))
    .then((order) => session.commitTransaction().then(() => order))
    .then((order) => {
      session.endSession();
      return order;
    });
}

// Two nested steps both call their value `order`: once they share one function, the later ones
// are renamed.
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
