import { ClientSession, Connection, Model, Types } from 'mongoose';

export interface User {
  email: string;
}

export interface Category {
  name: string;
  user: Types.ObjectId;
}

const DEFAULT_CATEGORIES = ['Food', 'Rent', 'Salary'];

export class UserService {
  constructor(
    private readonly connection: Connection,
    private readonly users: Model<User>,
    private readonly categories: Model<Category>,
  ) {}

  // The method only writes with the session it is handed: the body may run twice.
  async register(email: string): Promise<Types.ObjectId> {
    const session = await this.connection.startSession();
    session.startTransaction();
    try {
      const [user] = await this.users.create([{ email }], { session });
      await this.createDefaultCategories(user._id, session);
      await session.commitTransaction();
      return user._id;
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
    }
  }

  async createDefaultCategories(user: Types.ObjectId, session?: ClientSession) {
    const categories = DEFAULT_CATEGORIES.map((name) => ({ name, user }));
    const options = session ? { session, ordered: true } : {};
    return this.categories.create(categories, options);
  }
}
