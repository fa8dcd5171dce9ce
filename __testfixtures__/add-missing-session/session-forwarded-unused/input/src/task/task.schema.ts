import { Schema, model } from 'mongoose';

export interface ITask {
  title: string;
  archived: boolean;
}

export const Task = model<ITask>('Task', new Schema<ITask>({ title: String, archived: Boolean }));
