const mongoose = require('mongoose');
const Item = require('../models/item');
const Packing = require('../models/packing');

// A comment ending the line of a commit, abort or endSession() that goes speaks of that call: it
// goes with it. One ending the start's line goes above the call; one over the commit that speaks of
// something else stays by the code that follows.
async function createItemWithPacking(item, packing) {
  try {
    // one transaction for both documents
    const { itemDoc, packingDoc } = await mongoose.connection.transaction(async (session) => {
      const [itemDoc] = await Item.create([item], { session });
      const packingDoc = await Packing.create([{ ...packing, itemId: itemDoc._id }], { session });
      return { itemDoc, packingDoc };
    });

    // the controller formats these
    return { item: itemDoc.name, packing: packingDoc[0].size };
  } catch (err) {
    if (err && err.name === 'ValidationError') {
      throw new Error(`invalid payload: ${err.message}`);
    }
    throw err;
  }
}

module.exports = { createItemWithPacking };
