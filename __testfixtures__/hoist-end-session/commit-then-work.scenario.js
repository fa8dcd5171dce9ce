const { id } = require('../../test/harness/simulation/kit');

const js = {
  modules: {
    '../models/account': (mongoose) => mongoose.model('Account', new mongoose.Schema({ owner: String, balance: Number })),
    '../lib/audit': (mongoose, { effect }) => ({
      record: async (kind, detail) => {
        if (globalThis.auditDown) throw new Error('audit store unavailable');
        effect('audit', kind, detail);
      },
    }),
  },
  seed: { Account: [{ _id: 'ann', owner: 'ann', balance: 50 }, { _id: 'bob', owner: 'bob', balance: 5 }] },
  paths: {
    normal: [{ call: 'transfer', args: [id('ann'), id('bob'), 30] }],
    'audit fails after the commit': { setup: () => { globalThis.auditDown = true; }, calls: [{ call: 'transfer', args: [id('ann'), id('bob'), 30] }] },
  },
};

const ts = {
  setup: () => {
    globalThis.sendInvoiceEmail = async (invoiceId) => {
      if (globalThis.mailDown) throw new Error('mail server unavailable');
      globalThis.__txsimScenario.effect('invoice email', invoiceId);
    };
  },
  paths: {
    normal: [{ call: 'issueInvoice', args: ['ann', 40] }],
    'email fails after the commit': { setup: () => { globalThis.mailDown = true; }, calls: [{ call: 'issueInvoice', args: ['ann', 40] }] },
  },
};

module.exports = { js, ts };
