import { Types } from 'mongoose';

export abstract class Entity<Props> {
  readonly id: Types.ObjectId;

  protected constructor(readonly props: Props, id?: Types.ObjectId) {
    this.id = id ?? new Types.ObjectId();
  }
}
