const mongoose = require('mongoose');
const Shop = mongoose.model('Shop', new mongoose.Schema({ name: String, owner: String }));

// Opens a shop in a transaction, and says so once it is stored.
async function openShop(owner, name) {
  let opened = '';
  await mongoose.connection.transaction(async (session) => {
    const created = await Shop.create([{ name, owner }], { session });
    opened = created[0].name;
  });

  // Announce it only after the commit
  console.log(`shop opened: ${opened}`);
  return opened;
}

module.exports = { openShop };
