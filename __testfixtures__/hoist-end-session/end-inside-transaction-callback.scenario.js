const endedInside = 'the input ends the session inside the callback, so the transaction fails on an expired session and nothing is written; the output lets transaction() end it';

const js = {
  setup: ({ mongoose }) => mongoose.model('Seat', new mongoose.Schema({ flight: String, taken: Boolean })),
  seed: { Seat: [{ flight: 'LH1', taken: true }, { flight: 'LH2', taken: true }] },
  paths: {
    normal: [{ call: 'release', args: ['LH1'] }],
  },
  differences: Object.fromEntries(['normal', 'commit-fails', 'transient-commit'].map((run) => [run, { calls: endedInside, data: endedInside }])),
};

module.exports = { js };
