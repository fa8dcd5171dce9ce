module.exports = {
  seed: { Wallet: [{ owner: 'ann', balance: 50 }] },
  paths: {
    normal: [{ call: 'withdraw', args: ['ann', 30] }],
    'insufficient balance': [{ call: 'withdraw', args: ['ann', 80] }],
    'no such wallet': [{ call: 'withdraw', args: ['bob', 10] }],
  },
};
