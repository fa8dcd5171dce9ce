const js = {
  setup: ({ mongoose }) => mongoose.model('Stat', new mongoose.Schema({ day: String, count: Number })),
  seed: { Stat: [{ day: 'mon', count: 4 }, { day: 'mon', count: 2 }, { day: 'tue', count: 1 }] },
  paths: {
    normal: [{ call: 'rebuildStats', args: ['mon'] }],
  },
};

const ts = {
  paths: {
    normal: [{ call: 'smokeTest', args: ['mongodb://localhost/test'] }],
  },
};

module.exports = { js, ts };
