const mongoose = require('mongoose');
const Item = mongoose.model('Item');

// On Mongoose 5.x transaction() never ends its session: the chain is reported, not rewritten.
function add(name) {
  let session = null;
  return mongoose
    .startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Item.create([{ name }], { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

module.exports = { add };
