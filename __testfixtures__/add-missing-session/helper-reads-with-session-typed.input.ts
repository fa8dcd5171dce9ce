import { ClientSession, Connection, Model } from 'mongoose';

interface User {
  name: string;
  password: string;
}

interface Unit {
  title: string;
  touchedAt?: Date;
}

interface Lesson {
  title: string;
  unit: unknown;
  author: unknown;
}

// A NestJS-style lessons service whose lookups take an optional session and only read with it.
export class LessonsService {
  constructor(
    private readonly connection: Connection,
    private readonly users: Model<User>,
    private readonly units: Model<Unit>,
    private readonly lessons: Model<Lesson>,
  ) {}

  async findUserById(id: string, session?: ClientSession) {
    const query = this.users.findById(id).select('-password');
    return session ? await query.session(session) : await query;
  }

  async findUnitById(id: string, session?: ClientSession) {
    return this.units.findById(id).session(session || null);
  }

  async touchUnit(id: string, session?: ClientSession): Promise<void> {
    await this.units.updateOne({ _id: id }, { $set: { touchedAt: new Date() } }, { session });
  }

  async createLesson(body: { userId: string; unitId: string; title: string }) {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const user = await this.findUserById(body.userId);
      if (!user) throw new Error('User not found');
      const unit = await this.findUnitById(body.unitId);
      if (!unit) throw new Error('Unit not found');
      await this.touchUnit(body.unitId);
      const [lesson] = await this.lessons.create([{ title: body.title, unit: unit._id, author: user._id }], { session });
      await session.commitTransaction();
      return lesson;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }
}
