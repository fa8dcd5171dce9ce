import { Connection, Model } from 'mongoose';

interface Order {
  item: string;
  paid: boolean;
}

declare function InjectConnection(): ParameterDecorator;
declare function InjectModel(name: string): ParameterDecorator;

export class OrdersService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Order') private readonly orderModel: Model<Order>,
  ) {}

  async pay(id: string) {
    return this.connection.transaction(async () => {
      await this.orderModel.updateOne({ _id: id }, { paid: true });
      return this.orderModel.findById(id).lean();
    });
  }
}
