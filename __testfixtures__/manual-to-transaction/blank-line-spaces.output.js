const mongoose = require('mongoose');
const Ledger = require('../models/ledger');

// The line of spaces between the code that stays in front and the try is not the rewrite's: it
// stays as it was, spaces and all.
async function recordEntry(amount) {
  const label = `entry of ${amount}`;
   
  try {
    await mongoose.connection.transaction(async (session) => {
      await Ledger.create([{ label, amount }], { session });
      if (amount < 0) throw new Error('negative entry');
    });
  } catch (err) {
    console.log(`${label} not recorded: ${err.message}`);
  }
  return label;
}

module.exports = { recordEntry };
