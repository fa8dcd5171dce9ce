'use strict';

const { expectTypeOf, assertType, test } = require('vitest');
const mongoose = require('mongoose');

const conn = mongoose.createConnection('mongodb://127.0.0.1:27017/test');

test('startSession() resolves to a session', () => {
  expectTypeOf(conn.startSession()).toHaveProperty('then');
  assertType(mongoose.startSession());
});
