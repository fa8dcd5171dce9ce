import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, Model } from 'mongoose';

interface Booking {
  room: string;
  guest: string;
  nights: number;
}

interface Room {
  code: string;
  free: number;
}

@Injectable()
export class BookingsService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Booking') private readonly bookings: Model<Booking>,
    @InjectModel('Room') private readonly rooms: Model<Room>,
  ) {}

  private async hold(booking: Booking, session: ClientSession): Promise<void> {
    await this.rooms.updateOne({ code: booking.room }, { $inc: { free: -1 } }, { session });
    await this.bookings.create([booking], { session });
  }

  // Pushed from a forEach callback with a block body.
  async holdAll(bookings: Booking[]): Promise<void> {
    await this.connection.transaction(async (session) => {
      for (const booking of bookings) {
        await this.hold(booking, session);
      }
    });
  }

  // Returned without await from the transaction callback.
  async cancelAll(bookings: Booking[]): Promise<void> {
    await this.connection.transaction(async (session) => {
      const cancels: unknown[] = [];
      for (const booking of bookings) {
        cancels.push(await this.rooms.updateOne({ code: booking.room }, { $inc: { free: 1 } }, { session }));
      }
      return cancels;
    });
  }

  // Waited for only when the array is not empty.
  async extendAll(bookings: Booking[], nights: number): Promise<void> {
    await this.connection.transaction(async (session) => {
      for (const booking of bookings) {
        await this.bookings.updateOne({ room: booking.room, guest: booking.guest }, { $inc: { nights } }, { session });
      }
    });
  }
}
