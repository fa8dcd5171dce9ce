const mongoose = require('mongoose');
const Ledger = require('../models/ledger');

// The line of spaces between the code that stays in front and the try is not the rewrite's: it
// stays as it was, spaces and all.
async function recordEntry(amount) {
  const session = await mongoose.startSession();
  session.startTransaction();

  const label = `entry of ${amount}`;
   
  try {
    await Ledger.create([{ label, amount }], { session });
    if (amount < 0) throw new Error('negative entry');
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    console.log(`${label} not recorded: ${err.message}`);
  } finally {
    session.endSession();
  }
  return label;
}

module.exports = { recordEntry };
