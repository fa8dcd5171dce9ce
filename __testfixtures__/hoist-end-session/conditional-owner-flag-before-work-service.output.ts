import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ClientSession, Connection, Model } from 'mongoose';
import { readEnv } from '../config/env';

interface Account {
  email: string;
  verified: boolean;
}

interface Token {
  account: string;
  value: string;
}

// A NestJS auth service: each method joins the caller's transaction when given one.
@Injectable()
export class AuthService {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Account') private readonly accounts: Model<Account>,
    @InjectModel('Token') private readonly tokens: Model<Token>,
  ) {}

  async login(email: string, session?: ClientSession): Promise<{ token: string }> {
    const mongooseSession = session ?? (await this.connection.startSession());
    const isNewSession = !session;

    try {
      if (isNewSession) {
        mongooseSession.startTransaction();
      }

      const env = readEnv();
      try {
        const account = await this.accounts.findOne({ email }).session(mongooseSession);
        if (!account) throw new Error('Account not found.');
        const token = `${env.issuer}:${account.id}`;
        await this.tokens.findOneAndUpdate({ account: account.id }, { $set: { value: token } }, { upsert: true }).session(mongooseSession);
        if (isNewSession) {
          await mongooseSession.commitTransaction();
        }
        return { token };
      } catch (error) {
        if (isNewSession) {
          if (mongooseSession.inTransaction()) await mongooseSession.abortTransaction();
        }
        throw error;
      }
    } finally {
      if (isNewSession) await mongooseSession.endSession();
    }
  }

  // Code that can throw runs before the flag is set: no try can cover it and still test the flag.
  async verify(email: string, session?: ClientSession): Promise<boolean> {
    const mongooseSession = session ?? (await this.connection.startSession());
    const env = readEnv();
    const isNewSession = !session;
    if (isNewSession) mongooseSession.startTransaction();
    try {
      const updated = await this.accounts.updateOne({ email, issuer: env.issuer }, { $set: { verified: true } }).session(mongooseSession);
      if (isNewSession) {
        await mongooseSession.commitTransaction();
        await mongooseSession.endSession();
      }
      return updated.modifiedCount === 1;
    } catch (error) {
      if (isNewSession) {
        if (mongooseSession.inTransaction()) await mongooseSession.abortTransaction();
        await mongooseSession.endSession();
      }
      throw error;
    }
  }
}
