import { Schema, model } from 'mongoose';

export interface IBooking {
  seat: string;
  user: string;
  number?: number;
}

export const Booking = model<IBooking>('Booking', new Schema<IBooking>({ seat: String, user: String, number: Number }));
