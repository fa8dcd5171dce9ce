const { MongoClient } = require('mongodb');
const mongoose = require('mongoose');
const Item = require('../models/item');

const client = new MongoClient(process.env.MONGO_URI);

// The native driver's session: Mongoose's transaction() is not there.
async function copyItems(items) {
  const session = client.startSession();
  session.startTransaction();
  try {
    await client.db('shop').collection('items').insertMany(items, { session });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}

// Mongoose 5/6 callbacks in the body: transaction() would not wait for them.
async function touchItems(ids) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    Item.updateMany({ _id: { $in: ids } }, { touched: true }, { session }, (err) => {
      if (err) console.error(err);
    });
    await session.commitTransaction();
  } finally {
    await session.endSession();
  }
}

module.exports = { copyItems, touchItems };
