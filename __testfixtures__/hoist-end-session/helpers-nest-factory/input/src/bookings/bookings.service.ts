import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { UnitOfWork } from '../common/unit-of-work.service';

interface Booking {
  roomId: string;
  guest: string;
}

interface Room {
  free: number;
}

@Injectable()
export class BookingsService {
  constructor(
    @InjectModel('Booking') private readonly bookingModel: Model<Booking>,
    @InjectModel('Room') private readonly roomModel: Model<Room>,
    private readonly uow: UnitOfWork,
  ) {}

  async book(roomId: string, guest: string): Promise<Booking> {
    const session = await this.uow.begin();
    try {
      const room = await this.roomModel.findOneAndUpdate({ _id: roomId, free: { $gt: 0 } }, { $inc: { free: -1 } }, { session });
      if (!room) throw new NotFoundException('no free room');
      const [booking] = await this.bookingModel.create([{ roomId, guest }], { session });
      await this.uow.complete(session);
      return booking;
    } catch (error) {
      await this.uow.rollback(session);
      throw error;
    }
  }
}
