const mongoose = require('mongoose');
const Order = mongoose.model('Order');

// Mongoose 5/6 code that passes Node callbacks: awaiting would run each operation twice
// (silently in 5.x, "Query was already executed" in 6.x). They are reported instead.
async function placeLegacy(data) {
  await mongoose.connection.transaction(async (session) => {
    Order.create([data], { session }, (err) => {
      if (err) console.error(err);
    });
    Order.updateOne({ _id: data.id }, { seen: true }, { session }, function (err) {
      if (err) console.error(err);
    });
  });
}

module.exports = { placeLegacy };
