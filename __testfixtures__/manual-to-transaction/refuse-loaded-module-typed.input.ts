import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Shipment {
  order: string;
  tracking?: string;
}

// The carrier's client is imported lazily; the retry hazard is the label it books at the
// carrier, not the import.
@Injectable()
export class ShippingService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Shipment') private readonly shipmentModel: Model<Shipment>,
  ) {}

  async ship(orderId: string): Promise<string> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const { format } = await import('date-fns');
      const { carrier } = await import('../carriers/carrier.client');
      const label = await carrier.bookLabel({ order: orderId, day: format(new Date(), 'yyyy-MM-dd') });
      await this.shipmentModel.create([{ order: orderId, tracking: label.tracking }], { session });
      await session.commitTransaction();
      return label.tracking;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
