const mongoose = require('mongoose');
const Customer = mongoose.model('Customer', new mongoose.Schema({ name: String }));

// The Mongoose documentation puts the dot at the end of the line: `X().` then `then(...)`.
async function createCustomer(name) {
  await Customer.createCollection();
  await Customer.db.transaction(async (session) => {
    await Customer.create([{ name }], { session: session });
  });
}

module.exports = { createCustomer };
