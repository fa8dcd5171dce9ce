const model = require('../models/Purchases.js');
const Product = require('../models/Products.js');

// Each controller requires its own model as `model`: its startSession() is that model's, so the
// transaction runs on model.db.
const create = async (req, res) => {
  const session = await model.startSession();
  session.startTransaction();
  try {
    const [purchase] = await model.create([req.body], { session });
    await Product.updateOne({ _id: req.body.product }, { $inc: { stock: req.body.qty } }, { session });
    await session.commitTransaction();
    res.status(200).json(purchase);
  } catch (error) {
    await session.abortTransaction();
    res.status(500).json({ message: error.message });
  } finally {
    session.endSession();
  }
};

module.exports = { create };
