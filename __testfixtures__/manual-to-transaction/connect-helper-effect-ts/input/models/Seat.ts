import { Schema, model } from 'mongoose';

export interface ISeat {
  event: string;
  label: string;
  heldBy?: string;
}

export const Seat = model<ISeat>('Seat', new Schema<ISeat>({ event: String, label: String, heldBy: String }));
