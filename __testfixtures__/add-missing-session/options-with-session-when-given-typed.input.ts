import { ClientSession, Connection, Model, Types } from 'mongoose';

export interface Category {
  name: string;
  user: Types.ObjectId;
}

const DEFAULT_CATEGORIES = ['Food', 'Rent', 'Salary'];

export class CategoryService {
  constructor(
    private readonly connection: Connection,
    private readonly categories: Model<Category>,
  ) {}

  async setUp(user: Types.ObjectId): Promise<void> {
    await this.connection.transaction(async (session) => {
      await this.createDefaults(user, session);
    });
  }

  // The options carry the session, and ordered: true with it, only when there is a session.
  async createDefaults(user: Types.ObjectId, session?: ClientSession) {
    const categories = DEFAULT_CATEGORIES.map((name) => ({ name, user }));
    const options = session ? { session, ordered: true } : {};
    return this.categories.create(categories, options);
  }
}
