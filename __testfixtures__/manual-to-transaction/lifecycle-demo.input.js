const mongoose = require('mongoose');
require('dotenv').config();

// A connection check run by hand: it walks through the session lifecycle and logs each step.
// Nothing happens between the start and the commit but a log line, so there is no transaction
// to hand to transaction(), whose retries would only make the log lie.
async function checkTransactionSupport() {
  await mongoose.connect(process.env.MONGODB_URI);
  const session = await mongoose.startSession();
  console.log('Session created');
  try {
    session.startTransaction();
    console.log('Transaction started');
    await session.commitTransaction();
    console.log('Transaction committed: transactions are supported');
  } catch (error) {
    await session.abortTransaction();
    console.error('Transactions are not supported:', error.message);
  } finally {
    await session.endSession();
    console.log('Session ended');
    await mongoose.disconnect();
  }
}

checkTransactionSupport();
