import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Entry, EntryDocument } from './entry.schema';

// A look-alike: its transaction() starts no transaction, it only runs the work.
export class CacheBase {
  protected async transaction<T>(execute: () => Promise<T>): Promise<T> {
    return execute();
  }
}

@Injectable()
export class SearchRepository extends CacheBase {
  constructor(@InjectModel(Entry.name) private readonly model: Model<EntryDocument>) {
    super();
  }

  async reindex(id: string): Promise<void> {
    await this.transaction(async () => {
      await this.model.updateOne({ _id: id }, { $set: { indexedAt: new Date() } });
    });
  }
}
