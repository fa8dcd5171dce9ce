import { Schema, model } from 'mongoose';

export interface IPoll {
  title: string;
  options: string[];
  votes: number[];
}

export const Poll = model<IPoll>('Poll', new Schema<IPoll>({ title: String, options: [String], votes: [Number] }));
