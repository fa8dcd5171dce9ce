const { id, req, res } = require('../../test/harness/simulation/kit');

const enroll = (course, student) => ({ call: 'enroll', args: [req({ params: { courseId: id(course) }, user: { id: student } }), res()] });

const js = {
  modules: {
    '../models/enrollment': (mongoose) =>
      mongoose.model('Enrollment', new mongoose.Schema({ course: mongoose.Schema.Types.ObjectId, student: { type: String, required: true } })),
    '../models/course': (mongoose) => mongoose.model('Course', new mongoose.Schema({ title: String, seats: Number })),
  },
  seed: { Course: [{ _id: 'math', title: 'math', seats: 3 }] },
  paths: {
    normal: [enroll('math', 'ann')],
    'no student': [enroll('math', '')],
  },
};

const close = (account) => ({ call: 'closeAccount', args: ({ mongoose }) => [mongoose.connection, account] });

const ts = {
  setup: ({ mongoose }) => {
    mongoose.model('Account', new mongoose.Schema({ owner: String }));
    mongoose.model('Statement', new mongoose.Schema({ account: String, total: Number }));
  },
  seed: {
    Account: [{ _id: 'ann', owner: 'ann' }, { _id: 'bob', owner: 'bob' }],
    Statement: [{ account: id('ann'), total: 1 }, { account: id('ann'), total: 2 }, { account: id('bob'), total: 3 }],
  },
  paths: {
    normal: [close(id('ann'))],
    'invalid account': [close({ $bad: 1 })],
  },
};

module.exports = { js, ts };
