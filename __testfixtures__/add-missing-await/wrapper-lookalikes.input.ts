import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, Model } from 'mongoose';
import { DataSource, EntityManager } from 'typeorm';

interface Report {
  at: Date;
}

@Injectable()
export class ReportsService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Report') private readonly reports: Model<Report>,
    private readonly dataSource: DataSource,
  ) {}

  // A causally consistent session, no transaction: reads may run side by side.
  private async withSession<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = await this.connection.startSession();
    try {
      return await work(session);
    } finally {
      await session.endSession();
    }
  }

  // TypeORM runs its own transaction on its own connection.
  private async withSqlTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(manager));
  }

  summary() {
    return this.withSession(async (session) => {
      const [count, latest] = await Promise.all([
        this.reports.countDocuments({}, { session }),
        this.reports.findOne({}, null, { session }).sort({ at: -1 }),
      ]);
      return { count, latest };
    });
  }

  archive() {
    return this.withSqlTransaction(async (manager) => {
      await Promise.all([manager.query('INSERT INTO archive SELECT * FROM reports'), manager.query('DELETE FROM reports')]);
    });
  }
}
