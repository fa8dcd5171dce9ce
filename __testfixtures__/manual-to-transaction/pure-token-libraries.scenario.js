module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Member', new mongoose.Schema({ name: { type: String, required: true }, email: String }));
    mongoose.model('Invite', new mongoose.Schema({ email: String }));
  },
  seed: { Member: [{ name: 'Ann', email: 'ann@x.test' }], Invite: [{ email: 'bob@x.test' }] },
  paths: {
    normal: [{ call: 'register', args: [{ name: 'Bob', email: 'bob@x.test' }] }],
    'email taken': [{ call: 'register', args: [{ name: 'Ann', email: 'ann@x.test' }] }],
    'no name': [{ call: 'register', args: [{ email: 'cy@x.test' }] }],
  },
};
