const mongoose = require('mongoose');
const Basket = mongoose.model('Basket');

// A document loaded with the session is saved later: the session on its query stays.
async function addToBasket(owner, item) {
  return mongoose.connection.transaction(async (session) => {
    const basket = await Basket.findOne({ owner }).session(session);
    basket.items.push(item);
    await basket.save();
    await Basket.updateOne({ owner: 'totals' }, { $inc: { items: 1 } }, { session });
    return basket;
  });
}

module.exports = { addToBasket };
