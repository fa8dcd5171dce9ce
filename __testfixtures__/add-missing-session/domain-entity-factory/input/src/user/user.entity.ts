import { Types } from 'mongoose';

export interface UserProps {
  username: string;
  password: string;
  email: string;
}

// A domain entity: create() hashes the password and builds the entity; nothing is written here.
export class UserEntity {
  private constructor(
    readonly props: UserProps,
    readonly id: Types.ObjectId = new Types.ObjectId(),
  ) {}

  static async create(props: UserProps): Promise<UserEntity> {
    const password = await hash(props.password);
    return new UserEntity({ ...props, password });
  }
}

async function hash(password: string): Promise<string> {
  return `hashed:${password}`;
}
