import { ConflictException, Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, HydratedDocument, Model } from 'mongoose';

interface Product {
  sku: string;
  price: number;
  stock: number;
}

interface Order {
  customer: string;
  total: number;
}

interface OrderLine {
  sku: string;
  quantity: number;
}

@Injectable()
export class OrdersService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Product') private readonly products: Model<Product>,
    @InjectModel('Order') private readonly orders: Model<Order>,
  ) {}

  private async reserve(line: OrderLine, session: ClientSession): Promise<HydratedDocument<Product>> {
    const product = await this.products.findOneAndUpdate(
      { sku: line.sku, stock: { $gte: line.quantity } },
      { $inc: { stock: -line.quantity } },
      { new: true, session },
    );
    if (!product) throw new ConflictException(`not enough ${line.sku} in stock`);
    return product;
  }

  // Every line is reserved on the session, all at once, and the prices are read afterwards.
  async place(customer: string, lines: OrderLine[]): Promise<string> {
    const order = await this.connection.transaction(async (session) => {
      const reservations: Promise<HydratedDocument<Product>>[] = [];
      for (const line of lines) {
        reservations.push(this.reserve(line, session));
      }
      const products = await Promise.all(reservations);
      const total = products.reduce((sum, product, i) => sum + product.price * lines[i]!.quantity, 0);
      const [created] = await this.orders.create([{ customer, total }], { session });
      return created!;
    });
    return order.id as string;
  }

  // Restocking returns what the reservations left, in the order of the lines.
  async restock(lines: OrderLine[]): Promise<number[]> {
    return this.connection.transaction(async (session) => {
      const updates: Array<Promise<HydratedDocument<Product> | null>> = [];
      lines.forEach((line) => console.log('restocking', line.sku));
      for (const line of lines) {
        if (line.quantity > 0) updates.push(this.products.findOneAndUpdate({ sku: line.sku }, { $inc: { stock: line.quantity } }, { new: true, session }).exec());
      }
      return (await Promise.all(updates)).map((product) => product?.stock ?? 0);
    });
  }
}
