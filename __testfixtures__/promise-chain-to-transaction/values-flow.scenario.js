module.exports = {
  seed: {
    Player: [{ name: 'ann', team: 'red' }],
    Team: [{ name: 'red', size: 5 }, { name: 'blue', size: 10 }],
  },
  paths: {
    normal: [{ call: 'transferPlayer', args: ['ann', 'blue'] }],
    'no such player': [{ call: 'transferPlayer', args: ['bob', 'blue'] }],
  },
};
