const { id } = require('../../test/harness/simulation/kit');

const lostAudit = 'the input never waits for the audit write, which reaches the transaction after its commit and is lost; the output awaits it';

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Order', new mongoose.Schema({ status: String }));
    mongoose.model('Audit', new mongoose.Schema({ orderId: mongoose.Schema.Types.ObjectId, action: { type: String, required: true } }));
  },
  seed: { Order: [{ _id: 'o1', status: 'paid' }] },
  paths: {
    normal: [{ call: 'cancel', args: [id('o1')] }],
    'no such order': [{ call: 'cancel', args: [id('o2')] }],
  },
  differences: {
    normal: { data: lostAudit },
    'no such order': { data: lostAudit },
    'commit-fails': { data: lostAudit },
    'transient-commit': { data: lostAudit },
  },
};
