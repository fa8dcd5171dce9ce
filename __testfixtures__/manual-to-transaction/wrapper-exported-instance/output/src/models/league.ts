import { Schema, Types, model } from 'mongoose';

export interface ILeague {
  name: string;
  teams: Types.ObjectId[];
}

export const League = model<ILeague>('League', new Schema<ILeague>({ name: String, teams: [Schema.Types.ObjectId] }));
