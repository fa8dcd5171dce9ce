import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Shop {
  name: string;
  owner: string;
}

@Injectable()
export class ShopService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Shop') private readonly shops: Model<Shop>,
  ) {}

  // Opens a shop in a transaction, and says so once it is stored.
  async openShop(owner: string, name: string): Promise<string> {
    let opened = '';
    await this.connection.transaction(async (session) => {
      const [shop] = await this.shops.create([{ name, owner }], { session });
      opened = shop.name;
    });

    // Announce it only after the commit
    console.log(`shop opened: ${opened}`);
    return opened;
  }
}
