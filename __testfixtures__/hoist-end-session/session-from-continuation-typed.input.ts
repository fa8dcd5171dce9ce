import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ClientSession, Connection } from 'mongoose';

// A NestJS service that wraps the session's start in a .catch() to give a clearer error, and a
// job that receives its session in a .then() callback: both already end it in a finally.
@Injectable()
export class ReportsService {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async rebuild(ids: string[]): Promise<void> {
    const session = await this.connection.startSession().catch((error: Error) => {
      throw new Error(`Cannot start a session for the rebuild: ${error.message}`);
    });
    try {
      await this.connection.collection('reports').deleteMany({ _id: { $in: ids } }, { session });
    } finally {
      await session.endSession();
    }
  }

  async archive(before: Date): Promise<void> {
    await this.connection.startSession().then(async (session: ClientSession) => {
      try {
        await this.connection.collection('reports').updateMany({ createdAt: { $lt: before } }, { $set: { archived: true } }, { session });
      } finally {
        await session.endSession();
      }
    });
  }
}
