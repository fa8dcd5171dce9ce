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
      throw error;
    } finally {
      await session.endSession();
    }
  }

  async finish(session) {
    await session.commitTransaction();
  }
}

module.exports = StockService;
