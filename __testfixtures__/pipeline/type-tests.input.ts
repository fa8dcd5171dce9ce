import { expect } from 'tstyche';
import { expectType, expectError } from 'tsd';
import { expectTypeOf } from 'expect-type';
import mongoose, { Connection, createConnection } from 'mongoose';
import * as mongodb from 'mongodb';

const conn: Connection = createConnection('mongodb://127.0.0.1:27017/test');

expect(conn.startSession()).type.toBe<Promise<mongodb.ClientSession>>();
expect(conn.startSession({ causalConsistency: true })).type.toBe<Promise<mongodb.ClientSession>>();
expectType<Promise<mongodb.ClientSession>>(mongoose.startSession());
expectError(conn.startSession(42));
expectTypeOf(conn.startSession()).resolves.toEqualTypeOf<mongodb.ClientSession>();

async function awaitedTypes() {
  expectType<mongodb.ClientSession>(await conn.startSession());
}
awaitedTypes();
