import mongoose, { ClientSession, HydratedDocument, Schema, model } from 'mongoose';

interface IOrder {
  item: string;
  paid: boolean;
}

const Order = model<IOrder>('Order', new Schema<IOrder>({ item: String, paid: Boolean }));

interface OrderRepository {
  markPaid(id: string, session: ClientSession): Promise<void>;
  log(message: string, session: ClientSession): void;
}

// Only the types say these are promises: a repository method declared elsewhere, and a
// document handed in by the caller.
export async function settle(repo: OrderRepository, order: HydratedDocument<IOrder>) {
  await mongoose.connection.transaction(async (session) => {
    repo.markPaid(order.id, session);
    repo.log('settled', session);
    order.paid = true;
    order.save();
  });
}

export { Order };
