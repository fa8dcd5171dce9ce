const { BaseRepository } = require('./base.repository');
const Order = require('../models/order');
const Stock = require('../models/stock');

class OrderRepository extends BaseRepository {
  constructor() {
    super(Order);
  }

  async place(sku, quantity) {
    return this.transaction(async () => {
      await Stock.updateOne({ sku }, { $inc: { available: -quantity } });
      const [order] = await this.model.create([{ sku, quantity }]);
      return order;
    });
  }
}

module.exports = new OrderRepository();
