const knex = require('knex')(require('../knexfile'));
const { Sequelize } = require('sequelize');
const { PrismaClient } = require('@prisma/client');
const { Order, OrderItem } = require('../sequelize-models');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const prisma = new PrismaClient();

// Transactions of other libraries: their models never take a Mongoose session.
async function knexCheckout(cart) {
  await knex.transaction(async (trx) => {
    const [id] = await trx('orders').insert({ user: cart.user });
    await trx('order_items').insert(cart.items.map((item) => ({ ...item, order: id })));
  });
}

async function sequelizeCheckout(cart) {
  await sequelize.transaction(async (t) => {
    const order = await Order.create({ user: cart.user }, { transaction: t });
    await OrderItem.bulkCreate(cart.items.map((item) => ({ ...item, orderId: order.id })), { transaction: t });
    await Order.update({ status: 'placed' }, { where: { id: order.id }, transaction: t });
  });
}

async function prismaCheckout(cart) {
  await prisma.$transaction(async (tx) => {
    const order = await tx.order.create({ data: { user: cart.user } });
    await tx.orderItem.createMany({ data: cart.items.map((item) => ({ ...item, orderId: order.id })) });
  });
}

module.exports = { knexCheckout, sequelizeCheckout, prismaCheckout };
