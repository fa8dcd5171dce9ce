const endedInside = 'the input ends the session inside the callback, so the transaction fails on an expired session and nothing is written; the output lets transaction() end it';

const js = {
  setup: ({ mongoose }) => mongoose.model('Seat', new mongoose.Schema({ flight: String, taken: Boolean })),
  seed: { Seat: [{ flight: 'LH1', taken: true }, { flight: 'LH2', taken: true }] },
  paths: {
    normal: [{ call: 'release', args: ['LH1'] }],
  },
  differences: Object.fromEntries(['normal', 'commit-fails', 'transient-commit'].map((run) => [run, { calls: endedInside, data: endedInside }])),
};

const ts = {
  seed: { Seat: [{ flight: 'LH1', taken: false }, { flight: 'LH2', taken: false }] },
  paths: {
    normal: [{ call: 'book', args: ['LH1'] }, { call: 'bookWithHelper', args: ['LH2'] }],
  },
  // book(): ending the session inside the callback aborts silently; bookWithHelper(): the same,
  // and withTransaction() then fails on the expired session.
  differences: Object.fromEntries(['normal', 'commit-fails', 'transient-commit'].map((run) => [run, { calls: endedInside, data: endedInside }])),
};

module.exports = { js, ts };
