const seed = { Profile: [{ _id: 'ann', email: 'ann@example.com' }] };
const paths = {
  normal: [{ call: 'addMembers', args: ['chess', ['ann@example.com', 'bob@example.com', 'cy@example.com']] }],
};

module.exports = {
  js: {
    modules: {
      '../models/profile': (mongoose) => mongoose.model('Profile', new mongoose.Schema({ email: String })),
      '../models/invite': (mongoose) => mongoose.model('Invite', new mongoose.Schema({ email: String, note: String })),
    },
    seed,
    paths,
  },
  ts: { seed, paths },
};
