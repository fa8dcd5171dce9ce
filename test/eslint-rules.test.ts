import txCodemod from '../lib/eslint';
import { RuleProject, ruleTester } from './harness/rule-project';

/**
 * Each rule on its own, in JS (ESLint's parser), TS without type information and TS with it:
 * where it reports, the codemod's reason or change as the message, the codemod's edit as the fix
 * (a suggestion where the codemod asks for review), and code it leaves alone.
 */
const project = new RuleProject('^8.9.0');
const rules = txCodemod.rules;

const MODELS_JS = `const mongoose = require('mongoose');
const Order = mongoose.model('Order', new mongoose.Schema({ status: String }));
const Product = mongoose.model('Product', new mongoose.Schema({ stock: Number }));
`;

const MODELS_TS = `import mongoose, { ClientSession, Schema, model } from 'mongoose';

const Order = model('Order', new Schema({ status: String }));
const Product = model('Product', new Schema({ stock: Number }));
`;

/** Matches a message that holds `text`. */
const containing = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

const unawaited = (fix: string) => `Nobody awaits this transaction operation; tx-codemod fix: ${fix}`;

ruleTester.run('no-unawaited-operation', rules['no-unawaited-operation'], {
  valid: [
    project.case(
      'js',
      'an awaited operation in a transaction() callback',
      `${MODELS_JS}
async function pay(id) {
  await mongoose.connection.transaction(async (session) => {
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
  });
}
`,
    ),
    // Outside any transaction nothing asks for an await.
    project.case(
      'ts',
      'an unawaited query outside any transaction',
      `${MODELS_TS}
export function touch(id: string) {
  Order.updateOne({ _id: id }, { status: 'seen' }).exec();
}
`,
    ),
    project.case(
      'typed',
      'awaited operations in a loop',
      `${MODELS_TS}
export async function restock(ids: string[]) {
  await mongoose.connection.transaction(async (session: ClientSession) => {
    for (const id of ids) await Product.updateOne({ _id: id }, { $inc: { stock: 1 } }, { session });
  });
}
`,
    ),
  ],
  invalid: [
    project.case(
      'js',
      'forEach with an async callback becomes for...of',
      `${MODELS_JS}
async function restock(items) {
  await mongoose.connection.transaction(async (session) => {
    items.forEach(async (item) => {
      await Product.updateOne({ _id: item.id }, { $inc: { stock: item.quantity } }, { session });
    });
  });
}
`,
      {
        errors: [{ message: unawaited('forEach() never waits for its async callback: now a for...of loop that awaits each step'), line: 7 }],
        output: `${MODELS_JS}
async function restock(items) {
  await mongoose.connection.transaction(async (session) => {
    for (const item of items) {
      await Product.updateOne({ _id: item.id }, { $inc: { stock: item.quantity } }, { session });
    }
  });
}
`,
      },
    ),
    project.case(
      'js',
      'Promise.all over session operations becomes sequential',
      `${MODELS_JS}
async function place(id) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Promise.all([Order.updateOne({ _id: id }, { status: 'placed' }, { session }), Product.updateOne({ order: id }, { $inc: { stock: -1 } }, { session })]);
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}
`,
      {
        errors: [{ message: unawaited('Promise.all() ran session operations in parallel: now one after another'), line: 9 }],
        output: `${MODELS_JS}
async function place(id) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.updateOne({ _id: id }, { status: 'placed' }, { session });
    await Product.updateOne({ order: id }, { $inc: { stock: -1 } }, { session });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}
`,
      },
    ),
    project.case(
      'ts',
      'an unawaited operation gets await',
      `${MODELS_TS}
export async function cancel(id: string) {
  await mongoose.connection.transaction(async (session) => {
    Order.deleteOne({ _id: id }, { session }).exec();
  });
}
`,
      {
        errors: [{ message: unawaited('awaited Order.deleteOne({ _id: id }, { session }).exec()'), line: 8 }],
        output: `${MODELS_TS}
export async function cancel(id: string) {
  await mongoose.connection.transaction(async (session) => {
    await Order.deleteOne({ _id: id }, { session }).exec();
  });
}
`,
      },
    ),
    // A call the names do not make an operation: only the types say it returns a promise.
    project.case(
      'typed',
      'a call only the types make an operation gets await',
      `${MODELS_TS}
interface Ledger {
  record(id: string, session: ClientSession): Promise<void>;
}

export async function settle(ledger: Ledger, id: string) {
  await mongoose.connection.transaction(async (session) => {
    ledger.record(id, session);
  });
}
`,
      {
        errors: [{ message: unawaited('awaited ledger.record(id, session)'), line: 12 }],
        output: `${MODELS_TS}
interface Ledger {
  record(id: string, session: ClientSession): Promise<void>;
}

export async function settle(ledger: Ledger, id: string) {
  await mongoose.connection.transaction(async (session) => {
    await ledger.record(id, session);
  });
}
`,
      },
    ),
    // Without type information the same call is only reported, as the codemod does without type facts.
    project.case(
      'ts',
      'a call that passes the session is reported when there are no types',
      `${MODELS_TS}
interface Ledger {
  record(id: string, session: ClientSession): Promise<void>;
}

export async function settle(ledger: Ledger, id: string) {
  await mongoose.connection.transaction(async (session) => {
    ledger.record(id, session);
  });
}
`,
      {
        errors: [
          {
            message:
              'ledger.record(id, session) passes the session, but whether it returns a promise is unknown without type facts; await it by hand if it does',
            line: 12,
          },
        ],
      },
    ),
    // The codemod awaits a query that never ran and asks for review: a suggestion, not a fix.
    project.case(
      'typed',
      'a lazy query that never ran is awaited as a suggestion',
      `${MODELS_TS}
export async function archive(id: string) {
  await mongoose.connection.transaction(async (session) => {
    Order.deleteOne({ _id: id }, { session });
  });
}
`,
      {
        errors: [
          {
            message:
              'this query was never executed (a Query runs only when awaited, exec()-ed or then()-ed); with await it now runs: check that the write is wanted',
            line: 8,
            suggestions: [
              {
                desc: 'tx-codemod: awaited Order.deleteOne({ _id: id }, { session })',
                output: `${MODELS_TS}
export async function archive(id: string) {
  await mongoose.connection.transaction(async (session) => {
    await Order.deleteOne({ _id: id }, { session });
  });
}
`,
              },
            ],
          },
        ],
      },
    ),
  ],
});

const notInFinally = (fix: string) => `The session is not ended once, in a finally of the function that started it; tx-codemod fix: ${fix}`;

ruleTester.run('end-session-in-finally', rules['end-session-in-finally'], {
  valid: [
    ...project.cases(
      ['js', 'ts', 'typed'],
      'the owner ends its session in a finally',
      `${MODELS_JS}
async function pay(id) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}
`,
    ),
    project.case(
      'ts',
      'a session handed to a helper that does not end it',
      `${MODELS_TS}
async function mark(id: string, session: ClientSession) {
  await Order.updateOne({ _id: id }, { status: 'marked' }, { session });
}

export async function run(id: string) {
  const session = await mongoose.startSession();
  try {
    await mark(id, session);
  } finally {
    await session.endSession();
  }
}
`,
    ),
    // Setting a property of the request (or of res.locals, ctx.state) cannot throw: the finally that follows covers the session.
    ...project.cases(
      ['js', 'ts', 'typed'],
      'a middleware that puts the session on the request before the try whose finally ends it',
      `${MODELS_JS}
async function withTransaction(req, res, next) {
  const session = await mongoose.startSession();
  session.startTransaction();
  req.dbSession = session;
  res.locals.session = session;
  try {
    await next();
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    next(err);
  } finally {
    session.endSession();
  }
}
`,
    ),
    ...project.cases(
      ['js', 'ts'],
      'a factory that hands a new session to its caller',
      `${MODELS_JS}
async function openSession() {
  const session = await mongoose.startSession();
  session.startTransaction();
  return session;
}
`,
    ),
  ],
  invalid: [
    project.case(
      'js',
      'endSession() in the try and the catch moves into a finally (with the abort guard the same function needs)',
      `${MODELS_JS}
async function pay(id) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
    await session.commitTransaction();
    await session.endSession();
  } catch (err) {
    await session.abortTransaction();
    await session.endSession();
    throw err;
  }
}
`,
      {
        errors: [{ message: notInFinally('moved endSession() into a finally (2 calls removed)'), line: 6 }],
        output: `${MODELS_JS}
async function pay(id) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
    await session.commitTransaction();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}
`,
      },
    ),
    project.case(
      'ts',
      'a session never ended gets a finally',
      `${MODELS_TS}
export async function pay(id: string) {
  const session = await mongoose.startSession();
  await session.withTransaction(async () => {
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
  });
}
`,
      {
        errors: [{ message: notInFinally('added a finally that ends the session, which was never ended'), line: 7 }],
        output: `${MODELS_TS}
export async function pay(id: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
    });
  } finally {
    await session.endSession();
  }
}
`,
      },
    ),
    project.case(
      'typed',
      'a helper that ends the session it received stops, its caller ends it',
      `${MODELS_TS}
async function finish(session: ClientSession) {
  await session.commitTransaction();
  await session.endSession();
}

export async function pay(id: string) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
    await finish(session);
  } finally {
    await session.endSession();
  }
}
`,
      {
        errors: [{ message: notInFinally('stopped ending the received session `session` (its callers end it in their finally)'), line: 8 }],
        output: `${MODELS_TS}
async function finish(session: ClientSession) {
  await session.commitTransaction();
}

export async function pay(id: string) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
    await finish(session);
  } finally {
    await session.endSession();
  }
}
`,
      },
    ),
    project.case(
      'js',
      'a session put on the request, then a call before the try: the call can throw and leak it',
      `${MODELS_JS}
async function withTransaction(req, res, next) {
  const session = await mongoose.startSession();
  session.startTransaction();
  req.dbSession = session;
  await loadTenant(req);
  try {
    await next();
    await session.commitTransaction();
  } finally {
    session.endSession();
  }
}
`,
      { errors: [{ message: containing('endSession() was not moved into a finally:'), line: 8 }] },
    ),
    project.case(
      'ts',
      'a session that escapes its function is reported, not rewritten',
      `${MODELS_TS}
export async function open(registry: Record<string, unknown>) {
  const session = await mongoose.startSession();
  session.startTransaction();
  registry.current = session;
}
`,
      { errors: [{ message: containing('no finally was added to end this session:'), line: 9 }] },
    ),
  ],
});

ruleTester.run('no-end-session-in-transaction-callback', rules['no-end-session-in-transaction-callback'], {
  valid: [
    ...project.cases(
      ['js', 'ts', 'typed'],
      'a transaction() callback that leaves the session to transaction()',
      `${MODELS_JS}
exports.release = (id) =>
  mongoose.connection.transaction(async (session) => {
    await Product.updateOne({ _id: id }, { $inc: { stock: 1 } }, { session });
  });
`,
    ),
  ],
  invalid: [
    ...project.cases(
      ['js', 'ts'],
      'endSession() inside a transaction() callback goes',
      `${MODELS_JS}
exports.release = (id) =>
  mongoose.connection.transaction(async (session) => {
    await Product.updateOne({ _id: id }, { $inc: { stock: 1 } }, { session });
    session.endSession();
  });
`,
      {
        errors: [
          {
            message:
              'endSession() inside a callback whose transaction ends the session itself; tx-codemod fix: removed endSession() inside the transaction() callback (transaction() ends the session itself; ending it inside aborts the transaction silently)',
            line: 8,
          },
        ],
        output: `${MODELS_JS}
exports.release = (id) =>
  mongoose.connection.transaction(async (session) => {
    await Product.updateOne({ _id: id }, { $inc: { stock: 1 } }, { session });
  });
`,
      },
    ),
    project.case(
      'typed',
      'endSession() inside a withTransaction() callback goes, the owner ends the session',
      `${MODELS_TS}
export async function restock(id: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Product.updateOne({ _id: id }, { $inc: { stock: 1 } }, { session });
      await session.endSession();
    });
  } finally {
    await session.endSession();
  }
}
`,
      {
        errors: [{ message: containing('removed endSession() inside the withTransaction() callback'), line: 11 }],
        output: `${MODELS_TS}
export async function restock(id: string) {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      await Product.updateOne({ _id: id }, { $inc: { stock: 1 } }, { session });
    });
  } finally {
    await session.endSession();
  }
}
`,
      },
    ),
  ],
});

ruleTester.run('no-unguarded-abort', rules['no-unguarded-abort'], {
  valid: [
    ...project.cases(
      ['js', 'ts', 'typed'],
      'an abort that runs only while the transaction is open',
      `${MODELS_JS}
async function pay(id, notify) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
    await session.commitTransaction();
    await notify();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}
`,
    ),
  ],
  invalid: [
    ...project.cases(
      ['js', 'ts'],
      'an abort in the catch of a try that goes on after the commit',
      `${MODELS_JS}
async function pay(id, notify) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
    await session.commitTransaction();
    await notify();
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}
`,
      {
        errors: [
          {
            message: containing('abortTransaction() can run after the commit was sent; tx-codemod fix: abortTransaction() now runs only while the transaction is open'),
            line: 13,
          },
        ],
        output: `${MODELS_JS}
async function pay(id, notify) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
    await session.commitTransaction();
    await notify();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}
`,
      },
    ),
    project.case(
      'typed',
      'the guard comes with the finally the same function needs (one fix for the function)',
      `${MODELS_TS}
export async function pay(id: string, notify: () => Promise<void>) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
    await session.commitTransaction();
    await notify();
    await session.endSession();
  } catch (err) {
    await session.abortTransaction();
    await session.endSession();
    throw err;
  }
}
`,
      {
        errors: [
          {
            message: containing('abortTransaction() can run after the commit was sent'),
            line: 15,
          },
        ],
        output: `${MODELS_TS}
export async function pay(id: string, notify: () => Promise<void>) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction();
    await Order.updateOne({ _id: id }, { status: 'paid' }, { session });
    await session.commitTransaction();
    await notify();
  } catch (err) {
    if (session.inTransaction()) await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}
`,
      },
    ),
  ],
});

const CHAIN = `function restock(id, quantity) {
  return Product.startSession().then((session) => {
    session.startTransaction();
    return Product.updateOne({ _id: id }, { $inc: { stock: quantity } }, { session })
      .then(() => session.commitTransaction())
      .then(() => session.endSession());
  });
}
`;

ruleTester.run('prefer-connection-transaction', rules['prefer-connection-transaction'], {
  valid: [
    ...project.cases(
      ['js', 'ts', 'typed'],
      'a transaction already run by transaction()',
      `${MODELS_JS}
async function restock(id, quantity) {
  await Product.db.transaction(async (session) => {
    await Product.updateOne({ _id: id }, { $inc: { stock: quantity } }, { session });
  });
}
`,
    ),
  ],
  invalid: [
    project.case('js', 'a promise-chain transaction becomes transaction()', `${MODELS_JS}\n${CHAIN}`, {
      errors: [
        {
          message: 'connection.transaction() can replace this hand-managed transaction; tx-codemod fix: promise-chain transaction is now await Product.db.transaction(...)',
          line: 6,
        },
      ],
      output: `${MODELS_JS}
async function restock(id, quantity) {
  await Product.db.transaction(async (session) => {
    await Product.updateOne({ _id: id }, { $inc: { stock: quantity } }, { session });
  });
}
`,
    }),
    project.case('ts', 'a promise-chain transaction becomes transaction() in TypeScript', `${MODELS_TS}\n${CHAIN.replace('(id, quantity)', '(id: string, quantity: number)')}`, {
      errors: [{ message: containing('promise-chain transaction is now await Product.db.transaction(...)'), line: 7 }],
      output: `${MODELS_TS}
async function restock(id: string, quantity: number) {
  await Product.db.transaction(async (session) => {
    await Product.updateOne({ _id: id }, { $inc: { stock: quantity } }, { session });
  });
}
`,
    }),
    project.case(
      'typed',
      "a chain on the driver's session is reported, not rewritten",
      `${MODELS_TS}
import { MongoClient } from 'mongodb';

export function restock(client: MongoClient, id: string) {
  const session = client.startSession();
  return Promise.resolve()
    .then(() => session.startTransaction())
    .then(() => Product.updateOne({ _id: id }, { $inc: { stock: 1 } }, { session }))
    .then(() => session.commitTransaction());
}
`,
      { errors: [{ message: containing("promise-chain transaction left as is: the session comes from the MongoDB driver's client.startSession()") }] },
    ),
    ...project.cases(
      ['js', 'ts', 'typed'],
      'a hand-managed async/await transaction becomes transaction()',
      `${MODELS_JS}
async function restock(id, quantity) {
  const session = await Product.startSession();
  session.startTransaction();
  try {
    await Product.updateOne({ _id: id }, { $inc: { stock: quantity } }, { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
`,
      {
        errors: [{ message: containing('hand-managed transaction is now await Product.db.transaction(...)'), line: 6 }],
        output: `${MODELS_JS}
async function restock(id, quantity) {
  await Product.db.transaction(async (session) => {
    await Product.updateOne({ _id: id }, { $inc: { stock: quantity } }, { session });
  });
}
`,
      },
    ),
    ...project.cases(
      ['js', 'ts'],
      'a hand-managed transaction whose body sends a response is reported, not rewritten',
      `${MODELS_JS}
async function restock(req, res) {
  const session = await Product.startSession();
  session.startTransaction();
  try {
    await Product.updateOne({ _id: req.params.id }, { $inc: { stock: 1 } }, { session });
    res.json({ ok: true });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}
`,
      { errors: [{ message: containing('hand-managed transaction left as is: the transaction body has an effect outside the database (`res.json({ ok: true })`'), line: 6 }] },
    ),
  ],
});

const STRIPPED_SAVE = `${MODELS_TS}
export async function rename(id: string, status: string) {
  await mongoose.connection.transaction(async () => {
    const order = new Order({ _id: id, status });
    await order.save();
  });
}
`;

ruleTester.run('no-redundant-als-session', rules['no-redundant-als-session'], {
  valid: [
    ...project.cases(
      ['js', 'ts', 'typed'],
      'without AsyncLocalStorage the session stays',
      `${MODELS_JS}
async function cancel(id) {
  await mongoose.connection.transaction(async (session) => {
    await Order.updateOne({ _id: id }, { status: 'cancelled' }, { session });
  });
}
`,
      { settings: { 'tx-codemod': { als: false } } },
    ),
    project.case(
      'ts',
      "a native driver call keeps its session",
      `${MODELS_TS}
export async function cancel(id: string) {
  await mongoose.connection.transaction(async (session) => {
    await mongoose.connection.db!.collection('orders').updateOne({ id }, { $set: { status: 'cancelled' } }, { session });
  });
}
`,
      { settings: { 'tx-codemod': { als: true } } },
    ),
  ],
  invalid: [
    project.case(
      'js',
      '{ session } and the unused parameter go under AsyncLocalStorage',
      `${MODELS_JS}
async function cancel(id) {
  await mongoose.connection.transaction(async (session) => {
    await Order.updateOne({ _id: id }, { status: 'cancelled' }, { session });
  });
}
`,
      {
        settings: { 'tx-codemod': { als: true } },
        errors: [
          { message: 'AsyncLocalStorage already supplies this session; tx-codemod fix: removed the unused session parameter of the transaction() callback', line: 6 },
          { message: 'AsyncLocalStorage already supplies this session; tx-codemod fix: removed { session }: AsyncLocalStorage supplies it', line: 7 },
        ],
        output: `${MODELS_JS}
async function cancel(id) {
  await mongoose.connection.transaction(async () => {
    await Order.updateOne({ _id: id }, { status: 'cancelled' });
  });
}
`,
      },
    ),
    project.case(
      'typed',
      '.session(session) goes under AsyncLocalStorage, the parameter stays in use',
      `${MODELS_TS}
export async function stock(id: string) {
  return mongoose.connection.transaction(async (session) => {
    const empty = await Product.countDocuments({ stock: 0 }).session(session);
    return { empty, session: session.id };
  });
}
`,
      {
        settings: { 'tx-codemod': { als: true } },
        errors: [{ message: 'AsyncLocalStorage already supplies this session; tx-codemod fix: removed .session(session): AsyncLocalStorage supplies it', line: 8 }],
        output: `${MODELS_TS}
export async function stock(id: string) {
  return mongoose.connection.transaction(async (session) => {
    const empty = await Product.countDocuments({ stock: 0 });
    return { empty, session: session.id };
  });
}
`,
      },
    ),
    project.case(
      'ts',
      'with --strip-save a save() loses its session as a suggestion (the document is no longer tracked)',
      `${MODELS_TS}
export async function rename(id: string, status: string) {
  await mongoose.connection.transaction(async (session) => {
    const order = new Order({ _id: id, status });
    await order.save({ session });
  });
}
`,
      {
        settings: { 'tx-codemod': { als: true, stripSave: true } },
        errors: [
          {
            message: containing('removed the unused session parameter'),
            line: 7,
            suggestions: [{ desc: 'tx-codemod: removed the unused session parameter of the transaction() callback (with the 1 other change it makes in this function)', output: STRIPPED_SAVE }],
          },
          {
            message:
              'save() lost its { session } (--strip-save): the document is no longer tracked for the transaction, so an abort or retry does not reset its state',
            line: 9,
            suggestions: [
              {
                desc: 'tx-codemod: removed { session }: AsyncLocalStorage supplies it (with the 1 other change it makes in this function)',
                output: STRIPPED_SAVE,
              },
            ],
          },
        ],
      },
    ),
  ],
});

const sessionLess = (fix: string) => `This write runs outside the transaction: it is sent without the session; tx-codemod fix: ${fix}`;

ruleTester.run('no-session-less-operation', rules['no-session-less-operation'], {
  valid: [
    ...project.cases(
      ['js', 'ts', 'typed'],
      'every write carries the session; a read may go without it',
      `${MODELS_JS}
async function ship(id) {
  await mongoose.connection.transaction(async (session) => {
    const order = await Order.findById(id);
    await Order.updateOne({ _id: order._id }, { status: 'shipped' }, { session });
  });
}
`,
    ),
    project.case(
      'ts',
      'a write outside any transaction',
      `${MODELS_TS}
export async function touch(id: string) {
  await Order.updateOne({ _id: id }, { status: 'seen' });
}
`,
    ),
    project.case(
      'js',
      'under AsyncLocalStorage transaction() supplies the session',
      `${MODELS_JS}
async function ship(id) {
  await mongoose.connection.transaction(async () => {
    await Order.updateOne({ _id: id }, { status: 'shipped' });
  });
}
`,
      { settings: { 'tx-codemod': { als: true } } },
    ),
  ],
  invalid: [
    ...project.cases(
      ['js', 'typed'],
      'a write without the session in a hand-managed transaction gets it',
      `${MODELS_JS}
async function restock(id) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Product.updateOne({ _id: id }, { $inc: { stock: 1 } });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}
`,
      {
        errors: [{ message: sessionLess('passed the session to Product.updateOne(): without it the write ran outside the transaction, and no abort undid it'), line: 9 }],
        output: `${MODELS_JS}
async function restock(id) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    await Product.updateOne({ _id: id }, { $inc: { stock: 1 } }, { session });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}
`,
      },
    ),
    project.case(
      'ts',
      'create() with one document is reported, not rewritten',
      `${MODELS_TS}
export async function open(status: string) {
  await mongoose.connection.transaction(async (session) => {
    await Order.create({ status });
    await Product.updateMany({}, { $inc: { orders: 1 } }, { session });
  });
}
`,
      { errors: [{ message: containing('Order.create() runs outside the transaction (no session), and with one document (not an array)'), line: 8 }] },
    ),
  ],
});

ruleTester.run('create-many-needs-ordered', rules['create-many-needs-ordered'], {
  valid: [
    project.case(
      'js',
      'one document in the array, or ordered already set',
      `${MODELS_JS}
async function open(lines, session) {
  await Order.create([{ status: 'open' }], { session });
  await Product.create(lines, { session, ordered: true });
}
`,
    ),
  ],
  invalid: [
    ...project.cases(
      ['js', 'ts', 'typed'],
      'create() with a session and mapped documents gets ordered: true',
      `${MODELS_JS}
async function open(lines, session) {
  await Product.create(lines.map((line) => ({ stock: line.quantity })), { session });
}
`,
      {
        errors: [
          {
            message:
              'create() with a session and several documents needs ordered: true; tx-codemod fix: added ordered: true: create() with a session and several documents throws without it from Mongoose 8.10.0, and saved them in parallel on one transaction before',
            line: 6,
          },
        ],
        output: `${MODELS_JS}
async function open(lines, session) {
  await Product.create(lines.map((line) => ({ stock: line.quantity })), { session, ordered: true });
}
`,
      },
    ),
  ],
});
