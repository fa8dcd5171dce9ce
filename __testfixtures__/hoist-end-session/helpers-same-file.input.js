const mongoose = require('mongoose');
const Stock = mongoose.model('Stock');

class StockService {
  async restock(sku, count) {
    const session = await mongoose.startSession();
    session.startTransaction();
    try {
      await Stock.updateOne({ sku }, { $inc: { count } }, { session });
      await this.finish(session);
    } catch (error) {
      await session.abortTransaction();
      session.endSession();
      throw error;
    }
  }

  async finish(session) {
    await session.commitTransaction();
    await session.endSession();
  }
}

module.exports = StockService;
