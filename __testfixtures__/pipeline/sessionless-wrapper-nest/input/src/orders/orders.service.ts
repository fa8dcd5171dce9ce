import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { DBService } from '../db/db.service';
import { EventsService } from '../events/events.service';
import { Order, OrderDocument } from './order.schema';
import { Ticket } from './ticket.schema';

@Injectable()
export class OrdersService {
  constructor(
    @InjectModel(Order.name) private readonly orderModel: Model<Order>,
    @InjectModel(Ticket.name) private readonly ticketModel: Model<Ticket>,
    private readonly events: EventsService,
    private readonly dbService: DBService,
  ) {}

  async reserve(userId: string, ticketId: string): Promise<OrderDocument> {
    const ticket = await this.ticketModel.findById(ticketId);
    if (!ticket) throw new NotFoundException('ticket not found');

    const order = new this.orderModel({ userId, ticket, status: 'created' });

    await this.dbService.transaction(async () => {
      await order.save();
      await this.ticketModel.updateOne({ _id: ticketId }, { $set: { reservedBy: order.id } });
      await this.events.publish('order:created', { id: order.id });
    });

    return order;
  }

  // Only reads inside the transaction: nothing runs outside it that should not.
  async countOpen(userId: string): Promise<number> {
    let open = 0;
    await this.dbService.transaction(async () => {
      open = await this.orderModel.countDocuments({ userId, status: 'created' });
    });
    return open;
  }
}
