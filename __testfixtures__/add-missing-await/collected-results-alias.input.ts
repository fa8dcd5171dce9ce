import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, Model } from 'mongoose';

interface Ticket {
  event: string;
  holder: string | null;
}

type PendingClaim = Promise<Ticket | null>;

@Injectable()
export class TicketsService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Ticket') private readonly tickets: Model<Ticket>,
  ) {}

  private async claim(event: string, holder: string, session: ClientSession): Promise<Ticket | null> {
    return this.tickets.findOneAndUpdate({ event, holder: null }, { holder }, { new: true, session }).lean();
  }

  // The array is typed through an alias: the type of the claimed tickets cannot be read from it.
  async claimMany(event: string, holders: string[]): Promise<number> {
    return this.connection.transaction(async (session) => {
      const claims: PendingClaim[] = [];
      for (const holder of holders) claims.push(this.claim(event, holder, session));
      const claimed = await Promise.all(claims);
      return claimed.filter(Boolean).length;
    });
  }

  // Already one at a time: nothing to change.
  async claimInTurn(event: string, holders: string[]): Promise<Array<Ticket | null>> {
    return this.connection.transaction(async (session) => {
      const claimed: Array<Ticket | null> = [];
      for (const holder of holders) claimed.push(await this.claim(event, holder, session));
      return claimed;
    });
  }
}
