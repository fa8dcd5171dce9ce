// The same service in JavaScript on Mongoose 7: the values read after the commit are carried out
// in variables declared before transaction(), which need no type.
class OrdersService {
  constructor(connection, orderModel, stockModel) {
    this.connection = connection;
    this.orderModel = orderModel;
    this.stockModel = stockModel;
  }

  async place(sku, qty) {
    let stock, order;
    await this.connection.transaction(async (session) => {
      stock = await this.stockModel.findOneAndUpdate({ sku }, { $inc: { qty: -qty } }, { session, new: true });
      [order] = await this.orderModel.create([{ sku, qty }], { session });
    });
    return { order: order.sku, left: stock ? stock.qty : 0 };
  }

  async restock(sku, qty) {
    let rows;
    await this.connection.transaction(async (session) => {
      await this.stockModel.updateMany({ sku }, { $inc: { qty } }, { session });
      rows = await this.stockModel.find({ sku }).sort({ qty: 1 }).session(session);
    });
    console.log(`restocked ${rows.length} rows of ${sku}`);
    return rows;
  }
}

module.exports = { OrdersService };
