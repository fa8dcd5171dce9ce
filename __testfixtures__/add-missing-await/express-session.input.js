const mongoose = require('mongoose');
const Cart = mongoose.model('Cart');

// req.session is express-session's: save() and regenerate() take callbacks and return it.
async function checkout(req, res) {
  await mongoose.connection.transaction(async (session) => {
    await Cart.deleteOne({ owner: req.session.userId }, { session });
    req.session.cartId = null;
    req.session.save();
  });
  req.session.regenerate(() => res.redirect('/thanks'));
}

module.exports = { checkout };
