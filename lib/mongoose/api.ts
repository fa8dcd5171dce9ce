/**
 * What Mongoose and the MongoDB driver call things (see docs/mongoose-semantics.md §3, §4).
 * Every transform asks these lists instead of keeping its own.
 */

/** Creates a session: Promise-returning on Mongoose, synchronous on the driver's MongoClient. */
export const SESSION_FACTORY = 'startSession';

/** Session methods that return a Promise. */
export const ASYNC_LIFECYCLE = new Set(['commitTransaction', 'abortTransaction', 'endSession', 'withTransaction']);

/** Session methods that return synchronously: awaiting them is noise. */
export const SYNC_LIFECYCLE = new Set(['startTransaction', 'inTransaction']);

/** Connection or client helpers that run a callback with a session and end it themselves. */
export const SESSION_SCOPE_HELPERS = new Set(['transaction', 'withSession']);

/** Model statics that run a query or write (eager Promises or lazy Query/Aggregate thenables). */
export const MODEL_OPERATIONS = new Set([
  'aggregate',
  'bulkSave',
  'bulkWrite',
  'countDocuments',
  'create',
  'createCollection',
  'deleteMany',
  'deleteOne',
  'distinct',
  'estimatedDocumentCount',
  'exists',
  'find',
  'findById',
  'findByIdAndDelete',
  'findByIdAndRemove',
  'findByIdAndUpdate',
  'findOne',
  'findOneAndDelete',
  'findOneAndRemove',
  'findOneAndReplace',
  'findOneAndUpdate',
  'insertMany',
  'insertOne',
  'populate',
  'remove',
  'replaceOne',
  'syncIndexes',
  'update',
  'updateMany',
  'updateOne',
  'where',
]);

/** Model and document methods that read; every other operation writes. */
export const READ_OPERATIONS = new Set(['aggregate', 'countDocuments', 'distinct', 'estimatedDocumentCount', 'exists', 'find', 'findById', 'findOne', 'populate', 'where']);

/**
 * Where a write takes its options object, by the number of arguments before it
 * (docs/mongoose-semantics.md §4.1): `updateOne(filter, update, options)`, `deleteMany(filter,
 * options)`, `create([docs], options)` (only with an array), `insertMany(docs, options)`.
 */
export const MODEL_WRITE_OPTIONS: Readonly<Record<string, number>> = {
  bulkSave: 1,
  bulkWrite: 1,
  create: 1,
  deleteMany: 1,
  deleteOne: 1,
  findByIdAndDelete: 1,
  findByIdAndRemove: 1,
  findByIdAndUpdate: 2,
  findOneAndDelete: 1,
  findOneAndRemove: 1,
  findOneAndReplace: 2,
  findOneAndUpdate: 2,
  insertMany: 1,
  insertOne: 1,
  replaceOne: 2,
  update: 2,
  updateMany: 2,
  updateOne: 2,
};

/** The same for document methods: `doc.save(options)`, `doc.deleteOne(options)`, `doc.updateOne(update, options)`. */
export const DOCUMENT_WRITE_OPTIONS: Readonly<Record<string, number>> = {
  deleteOne: 0,
  replaceOne: 1,
  save: 0,
  updateOne: 1,
};

/** Model operations whose result is a document that remembers the session it was loaded or created with. */
export const DOCUMENT_RESULTS = new Set([
  'create',
  'find',
  'findById',
  'findByIdAndDelete',
  'findByIdAndUpdate',
  'findOne',
  'findOneAndDelete',
  'findOneAndReplace',
  'findOneAndUpdate',
  'insertMany',
]);

/** Document methods that write or read through the document's session. */
export const DOCUMENT_OPERATIONS = new Set(['save', 'deleteOne', 'updateOne', 'remove', 'populate', 'replaceOne']);

/**
 * Where Mongoose 5/6 (and the driver's session methods) take a Node-style callback: the number of
 * arguments before it. An argument in that position runs the operation at once, whatever it looks like.
 */
export const CALLBACK_POSITION: Readonly<Record<string, number>> = {
  aggregate: 2,
  bulkSave: 2,
  bulkWrite: 2,
  countDocuments: 2,
  create: 2,
  createCollection: 1,
  deleteMany: 2,
  deleteOne: 2,
  distinct: 2,
  estimatedDocumentCount: 1,
  exists: 2,
  find: 3,
  findById: 3,
  findByIdAndDelete: 2,
  findByIdAndRemove: 2,
  findByIdAndUpdate: 3,
  findOne: 3,
  findOneAndDelete: 2,
  findOneAndRemove: 2,
  findOneAndReplace: 3,
  findOneAndUpdate: 3,
  insertMany: 2,
  remove: 2,
  replaceOne: 3,
  save: 1,
  syncIndexes: 1,
  update: 3,
  updateMany: 3,
  updateOne: 3,
  exec: 1,
  commitTransaction: 0,
  abortTransaction: 0,
  endSession: 1,
};

/** Methods that keep a Query or Aggregate chain going (the chain stays one lazy thenable). */
export const QUERY_CHAIN_METHODS = new Set([
  'allowDiskUse',
  'and',
  'collation',
  'comment',
  'elemMatch',
  'equals',
  'exec',
  'explain',
  'gt',
  'gte',
  'hint',
  'in',
  'lean',
  'limit',
  'lookup',
  'lt',
  'lte',
  'match',
  'maxTimeMS',
  'ne',
  'nin',
  'or',
  'orFail',
  'populate',
  'project',
  'projection',
  'read',
  'readConcern',
  'select',
  'session',
  'set',
  'setOptions',
  'skip',
  'sort',
  'transform',
  'where',
  'group',
  'unwind',
  'addFields',
  'count',
  'facet',
  'replaceRoot',
]);

/** Model statics that return a Promise at once; every other model operation is a lazy thenable. */
const EAGER_MODEL_OPERATIONS = new Set([
  'bulkSave',
  'bulkWrite',
  'create',
  'createCollection',
  'insertMany',
  'insertOne',
  'populate',
  'remove',
  'syncIndexes',
]);

/** Operations that only exist as lazy thenables: without await, .then or .exec they never run. */
export const LAZY_OPERATIONS = new Set([...MODEL_OPERATIONS].filter((name) => !EAGER_MODEL_OPERATIONS.has(name)));

/**
 * Packages whose functions only compute (dates, collections, ids, hashes, signed tokens, paths): a
 * transaction body that calls them can run again without doing anything twice outside the database.
 */
export const PURE_PACKAGES = new Set([
  'moment', 'moment-timezone', 'dayjs', 'date-fns', 'date-fns-tz', 'luxon',
  'lodash', 'lodash-es', 'underscore', 'ramda',
  'uuid', 'nanoid', 'short-uuid', 'bcrypt', 'bcryptjs', 'jsonwebtoken', 'crypto', 'node:crypto', 'path', 'node:path', 'validator', 'slugify',
]);

/** Packages whose `transaction` / `session` look like Mongoose's but are not. */
export const LOOKALIKE_PACKAGES = [
  'knex',
  'sequelize',
  'sequelize-typescript',
  'typeorm',
  'pg',
  'pg-promise',
  'objection',
  '@prisma/client',
  '@mikro-orm/core',
  '@mikro-orm/mongodb',
  'drizzle-orm',
  'kysely',
  'neo4j-driver',
  'better-sqlite3',
  'mysql',
  'mysql2',
  'express-session',
];

/** How an Express or Koa handler names its request parameter (`req.dbSession`, `req.account`). */
export const REQUEST_NAMES = /^req(uest)?$/i;

export const MONGOOSE_PACKAGES = ['mongoose', '@nestjs/mongoose'];
export const DRIVER_PACKAGES = ['mongodb'];
