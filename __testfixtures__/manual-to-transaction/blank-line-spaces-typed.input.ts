import { Connection, Model } from 'mongoose';

interface Entry {
  label: string;
  amount: number;
}

// The line of spaces between the code that stays in front and the try is not the rewrite's: it
// stays as it was, spaces and all.
export class LedgerService {
  constructor(private readonly connection: Connection, private readonly entries: Model<Entry>) {}

  async record(amount: number): Promise<string> {
    const session = await this.connection.startSession();
    session.startTransaction();

    const label = `entry of ${amount}`;
    	
    try {
      await this.entries.create([{ label, amount }], { session });
      if (amount < 0) throw new Error('negative entry');
      await session.commitTransaction();
    } catch (err: any) {
      await session.abortTransaction();
      console.log(`${label} not recorded: ${err.message}`);
    } finally {
      await session.endSession();
    }
    return label;
  }
}
