const { MongoClient } = require('mongodb');

let client;
let db;

module.exports = {
  connect: async (url, name) => {
    client = await MongoClient.connect(url, { useUnifiedTopology: true });
    db = client.db(name);
  },
  getDb: () => db,
  getClient: () => client,
};
