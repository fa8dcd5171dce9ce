const mongoose = require('mongoose');
const Product = require('../models/product');

// The abort is wrapped in its own try/catch, so a failing abort cannot hide the commit's error.
exports.releaseStock = async (req, res) => {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Product.updateOne({ _id: req.params.id }, { $inc: { reserved: -1 } }, { session });
    await session.commitTransaction();
    return res.status(200).json({ message: 'Stock released.' });
  } catch (err) {
    try { await session.abortTransaction(); } catch (e) { console.error('Abort failed:', e); }
    return res.status(500).json({ message: 'Server error while releasing stock' });
  } finally {
    await session.endSession();
  }
};
