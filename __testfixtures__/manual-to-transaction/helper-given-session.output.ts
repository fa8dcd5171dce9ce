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
    const user = await this.connection.transaction(async (session) => {
      const [user] = await this.users.create([{ email }], { session });
      await this.createDefaultCategories(user._id, session);
      return user;
    });
    return user._id;
  }

  async createDefaultCategories(user: Types.ObjectId, session?: ClientSession) {
    const categories = DEFAULT_CATEGORIES.map((name) => ({ name, user }));
    const options = session ? { session, ordered: true } : {};
    return this.categories.create(categories, options);
  }
}
