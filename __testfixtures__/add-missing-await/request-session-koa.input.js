const Router = require('@koa/router');
const mongoose = require('mongoose');
const Cart = require('../models/cart');
const Product = require('../models/product');

const router = new Router();

// koa-session's ctx.session holds the visitor's cart id; it is not a MongoDB session, and the
// writes below run without one, side by side on purpose.
router.post('/cart/items', async (ctx) => {
  const cartId = ctx.session.cartId;
  const { sku, quantity } = ctx.request.body;
  const [cart] = await Promise.all([
    Cart.findByIdAndUpdate(cartId, { $push: { items: { sku, quantity } } }, { new: true }),
    Product.updateOne({ sku }, { $inc: { views: 1 } }),
  ]);
  ctx.session.lastSku = sku;
  ctx.body = cart;
});

// A Koa middleware's next() waits for the route: its own transaction, committed after it.
router.use(async (ctx, next) => {
  const session = await mongoose.startSession();
  ctx.state.dbSession = session;
  try {
    await session.withTransaction(() => next());
  } finally {
    await session.endSession();
  }
});

module.exports = router;
