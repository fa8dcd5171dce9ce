import { Entity } from 'src/entity.base';

// A domain entity: its static create() builds an object in memory and writes nothing.
export interface UserProps {
  username: string;
  email: string;
}

export class UserEntity extends Entity<UserProps> {
  constructor(props: UserProps) {
    super(props);
  }

  static async create(props: UserProps) {
    return new UserEntity({ ...props, email: props.email.toLowerCase() });
  }
}
