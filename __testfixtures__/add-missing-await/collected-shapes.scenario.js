const { id, req, res } = require('../../test/harness/simulation/kit');

// s1 is counted twice: the map keeps only the second update, so the input's Promise.all() never
// waits for the first, which the transaction commits without.
const lostUpdate = "the input loses the first of s1's two view counts (the map replaced its promise, nobody awaited it, and it ran after the commit); the output awaits both";

const js = {
  modules: {
    '../models/seat': (mongoose) => mongoose.model('Seat', new mongoose.Schema({ views: Number, heldBy: String })),
    '../models/ticket': (mongoose) => mongoose.model('Ticket', new mongoose.Schema({ showtime: String, seat: String, position: Number })),
  },
  seed: {
    Seat: [{ _id: 's1', views: 0, heldBy: 'ann' }, { _id: 's2', views: 3, heldBy: 'bob' }, { _id: 's3', views: 1, heldBy: 'ann' }],
  },
  paths: {
    normal: [
      { call: 'holdSeats', args: [req({ body: { showtime: 'late', seats: ['A1', null, 'A3', ''] } }), res()] },
      { call: 'countViews', args: [req({ body: { seats: [id('s1'), id('s2'), id('s1')] } }), res()] },
      { call: 'freeSeats', args: [req({ body: { seats: [id('s1'), id('s2'), id('s3')] }, user: { id: 'ann' } }), res()] },
    ],
  },
  differences: { normal: { data: lostUpdate }, 'commit-fails': { data: lostUpdate }, 'transient-commit': { data: lostUpdate } },
};

const service = ({ mongoose, model }) => [mongoose.connection, model('Ledger'), model('Account')];
const entries = [{ account: 'a', amount: 5 }, { account: 'b', amount: -2 }, { account: 'c', amount: 1 }];
const ts = {
  setup: ({ mongoose }) => {
    mongoose.model('Ledger', new mongoose.Schema({ account: String, amount: Number }));
    mongoose.model('Account', new mongoose.Schema({ _id: String, balance: Number }));
  },
  seed: { Account: [{ _id: 'a', balance: 10 }, { _id: 'b', balance: 4 }, { _id: 'c', balance: 0 }] },
  paths: {
    normal: [
      { call: 'LedgerService#postAll', construct: service, args: [entries] },
      { call: 'LedgerService#settle', construct: service, args: [entries] },
      { call: 'LedgerService#reverseAll', construct: service, args: [entries] },
    ],
  },
};

module.exports = { js, ts };
