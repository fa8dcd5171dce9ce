const close = (owner) => ({ call: 'close', args: [owner] });

module.exports = {
  seed: { Account: [{ owner: 'ann', balance: 0 }, { owner: 'ann', balance: 5 }, { owner: 'bob', balance: 1 }] },
  paths: {
    normal: [close('ann')],
    'invalid owner': [close({ $bad: 1 })],
  },
};
