import { Schema, Types, model } from 'mongoose';

export interface IGame {
  homeTeam: Types.ObjectId;
  awayTeam: Types.ObjectId;
  status: 'scheduled' | 'played' | 'completed';
  score?: { home: number; away: number };
}

export const Game = model<IGame>(
  'Game',
  new Schema<IGame>({ homeTeam: Schema.Types.ObjectId, awayTeam: Schema.Types.ObjectId, status: String, score: { home: Number, away: Number } }),
);
