module.exports = {
  paths: {
    normal: [{ call: 'join', args: ['ann'] }],
    'second member': { seed: { Member: [{ name: 'bob' }] }, calls: [{ call: 'join', args: ['ann'] }] },
  },
};
