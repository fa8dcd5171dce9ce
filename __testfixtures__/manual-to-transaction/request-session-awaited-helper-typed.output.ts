import { Request, Response } from 'express';
import mongoose, { ClientSession } from 'mongoose';
import { Order } from '../models/order';
import { Product } from '../models/product';

declare global {
  namespace Express {
    interface Request {
      dbSession?: ClientSession;
    }
  }
}

// The service reads the session from the request it is handed.
async function placeOrder(req: Request) {
  const { sku, qty } = req.body as { sku: string; qty: number };
  await Product.updateOne({ sku }, { $inc: { stock: -qty } }, { session: req.dbSession });
  const [order] = await Order.create([{ sku, qty }], { session: req.dbSession });
  return order;
}

// The session rides on the request only while this handler awaits placeOrder(): nothing runs
// after the handler with this request, so the session does not outlive it and the transaction converts.
export async function createOrder(req: Request, res: Response): Promise<void> {
  let order;
  await mongoose.connection.transaction(async (session) => {
    req.dbSession = session;
    order = await placeOrder(req);
  });
  res.status(201).json(order);
}
