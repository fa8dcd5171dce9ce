// The same service in JavaScript on Mongoose 7: the values read after the commit are carried out
// in variables declared before transaction(), which need no type.
class OrdersService {
  constructor(connection, orderModel, stockModel) {
    this.connection = connection;
    this.orderModel = orderModel;
    this.stockModel = stockModel;
  }

  async place(sku, qty) {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const stock = await this.stockModel.findOneAndUpdate({ sku }, { $inc: { qty: -qty } }, { session, new: true });
      const [order] = await this.orderModel.create([{ sku, qty }], { session });
      await session.commitTransaction();
      return { order: order.sku, left: stock ? stock.qty : 0 };
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }

  async restock(sku, qty) {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      await this.stockModel.updateMany({ sku }, { $inc: { qty } }, { session });
      const rows = await this.stockModel.find({ sku }).sort({ qty: 1 }).session(session);
      await session.commitTransaction();
      console.log(`restocked ${rows.length} rows of ${sku}`);
      return rows;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}

module.exports = { OrdersService };
