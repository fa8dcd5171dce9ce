const crypto = require('crypto');
const mongoose = require('mongoose');
const createError = require('http-errors');
const logger = require('../lib/logger');
const Account = require('../models/account');
const Transfer = require('../models/transfer');

// What a retry may repeat without harm: logging (winston here), a fresh id, an error that is
// thrown (the throw aborts the run anyway) and a helper of this file that only formats values.
function describeTransfer(from, to, amount) {
  const cents = Math.round(amount * 100);
  const label = `${from.owner} -> ${to.owner}`;
  return label.concat(': ', cents.toLocaleString('en-US'));
}

async function transfer(fromId, toId, amount) {
  try {
    const reference = await mongoose.connection.transaction(async (session) => {
      const from = await Account.findById(fromId).session(session);
      const to = await Account.findById(toId).session(session);
      if (!from || !to) throw createError(404, 'Account not found');
      if (from.balance < amount) throw createError(409, `Insufficient balance on ${from.owner}`);
      from.balance -= amount;
      to.balance += amount;
      await from.save({ session });
      await to.save({ session });
      const reference = crypto.randomUUID();
      await Transfer.create([{ from: from._id, to: to._id, amount, reference }], { session });
      logger.info(`transfer ${reference}: ${describeTransfer(from, to, amount)}`);
      return reference;
    });
    return reference;
  } catch (err) {
    logger.error('transfer failed', err);
    throw err;
  }
}

module.exports = { transfer };
