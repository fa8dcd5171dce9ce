import { Knex } from 'knex';
import { Sequelize, Transaction } from 'sequelize';
import { PrismaClient } from '@prisma/client';
import { Order, OrderItem } from '../sequelize-models';

// Transactions of other libraries, typed: their models never take a Mongoose session.
export class CheckoutRepository {
  constructor(
    private readonly db: Knex,
    private readonly sequelize: Sequelize,
    private readonly prisma: PrismaClient,
  ) {}

  async withKnex(user: string, items: Array<{ sku: string }>): Promise<void> {
    await this.db.transaction(async (trx: Knex.Transaction) => {
      const [id] = await trx('orders').insert({ user });
      await trx('order_items').insert(items.map((item) => ({ ...item, order: id })));
    });
  }

  async withSequelize(user: string): Promise<void> {
    await this.sequelize.transaction(async (transaction: Transaction) => {
      const order = await Order.create({ user }, { transaction });
      await OrderItem.destroy({ where: { orderId: order.id }, transaction });
    });
  }

  async withPrisma(user: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.order.create({ data: { user } });
    });
  }
}
