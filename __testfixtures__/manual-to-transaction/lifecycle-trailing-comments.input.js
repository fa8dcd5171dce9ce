const mongoose = require('mongoose');
const Item = require('../models/item');
const Packing = require('../models/packing');

// A comment ending the line of a commit, abort or endSession() that goes speaks of that call: it
// goes with it. One ending the start's line goes above the call; one over the commit that speaks of
// something else stays by the code that follows.
async function createItemWithPacking(item, packing) {
  const session = await mongoose.startSession();
  try {
    session.startTransaction(); // one transaction for both documents

    const [itemDoc] = await Item.create([item], { session });
    const packingDoc = await Packing.create([{ ...packing, itemId: itemDoc._id }], { session });

    // the controller formats these
    await session.commitTransaction(); // both are visible from here

    return { item: itemDoc.name, packing: packingDoc[0].size };
  } catch (err) {
    await session.abortTransaction(); // undo the item as well

    if (err && err.name === 'ValidationError') {
      throw new Error(`invalid payload: ${err.message}`);
    }
    throw err;
  } finally {
    session.endSession(); // single place to end it
  }
}

module.exports = { createItemWithPacking };
