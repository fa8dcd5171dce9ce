module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Team', new mongoose.Schema({ name: String }));
    mongoose.model('Member', new mongoose.Schema({ email: String, team: mongoose.Schema.Types.ObjectId }));
  },
  seed: { Member: [{ email: 'ann@x.test' }, { email: 'bob@x.test' }] },
  paths: {
    normal: [{ call: 'createTeam', args: ['red', ['ann@x.test', 'bob@x.test']] }],
  },
};
