import { Schema } from 'mongoose';
import { analyticsConnection } from '../db/connections';

export interface Counter {
  name: string;
  count: number;
}

export default analyticsConnection.model<Counter>('Counter', new Schema<Counter>({ name: String, count: Number }));
