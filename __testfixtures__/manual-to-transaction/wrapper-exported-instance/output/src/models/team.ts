import { Schema, Types, model } from 'mongoose';

export interface ITeam {
  name: string;
  league: Types.ObjectId | null;
  players: Types.ObjectId[];
}

export const Team = model<ITeam>('Team', new Schema<ITeam>({ name: String, league: Schema.Types.ObjectId, players: [Schema.Types.ObjectId] }));
