const { Cart } = require('../models');

// `session` here is express-session's: the guest's cart lives in it until login.
function getUserIdFromSession(session) {
  return session && session.user ? session.user.id : undefined;
}

async function mergeGuestCart(session, userId) {
  const items = session.cart || [];
  await Promise.all(items.map((item) => Cart.updateOne({ user: userId }, { $push: { items: item } }, { upsert: true })));
  session.cart = [];
}

function endLogin(session) {
  return new Promise((resolve, reject) => session.destroy((err) => (err ? reject(err) : resolve())));
}

module.exports = { getUserIdFromSession, mergeGuestCart, endLogin };
