const { id } = require('../../test/harness/simulation/kit');

// The ballot and the poll's counter are written in one transaction; a closed or missing poll fails it.
const seed = {
  Poll: [
    { _id: 'p1', open: true, ballots: 0 },
    { _id: 'p2', open: false, ballots: 3 },
  ],
};
const paths = (args) => ({
  normal: [{ call: 'castBallot', args: args('p1', 'ann', 1) }],
  'poll closed': [{ call: 'castBallot', args: args('p2', 'bob', 0) }],
  'no such poll': [{ call: 'castBallot', args: args('p9', 'cy', 2) }],
});
const args = (poll, voter, choice) => [id(poll), voter, choice];

module.exports = {
  js: {
    modules: {
      '../models/ballot': (mongoose) => mongoose.model('Ballot', new mongoose.Schema({ poll: mongoose.Schema.Types.ObjectId, voter: String, choice: Number })),
      '../models/poll': (mongoose) => mongoose.model('Poll', new mongoose.Schema({ open: Boolean, ballots: Number })),
    },
    seed,
    paths: paths(args),
  },
  ts: {
    modules: {
      '../models/ballot': (mongoose) => ({ Ballot: mongoose.model('Ballot', new mongoose.Schema({ poll: mongoose.Schema.Types.ObjectId, voter: String, choice: Number })) }),
      '../models/poll': (mongoose) => ({ Poll: mongoose.model('Poll', new mongoose.Schema({ open: Boolean, ballots: Number })) }),
    },
    seed,
    paths: paths(args),
  },
};
