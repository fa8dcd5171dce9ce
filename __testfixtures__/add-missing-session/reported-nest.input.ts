import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, Model } from 'mongoose';

interface Subscription {
  user: string;
  plan: string;
}

interface AuditEntry {
  action: string;
  user: string;
}

interface Event {
  type: string;
  user: string;
}

@Injectable()
export class SubscriptionService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Subscription') private readonly subscriptionModel: Model<Subscription>,
    @InjectModel('AuditEntry') private readonly auditLogModel: Model<AuditEntry>,
    // Events live in their own database, on a connection of their own.
    @InjectModel('Event', 'events') private readonly eventModel: Model<Event>,
  ) {}

  async subscribe(user: string, plan: string): Promise<Subscription> {
    const session: ClientSession = await this.connection.startSession();
    session.startTransaction();
    try {
      const subscription = await this.subscriptionModel.create({ user, plan });
      await this.auditLogModel.create([{ action: 'subscribe', user }]);
      await this.eventModel.create([{ type: 'subscribed', user }]);
      await this.subscriptionModel.updateMany({ user, plan: { $ne: plan } }, { $set: { active: false } }, { session: undefined });
      await session.commitTransaction();
      return subscription;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
