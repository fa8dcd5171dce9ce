module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Workspace', new mongoose.Schema({ name: { type: String, required: true }, createdBy: String }));
    mongoose.model('Permission', new mongoose.Schema({ workspaceId: String, userId: String, role: String, colabToken: String }));
  },
  paths: {
    normal: [{ call: 'openWorkspace', args: ['u1', 'ann@x.test', 'Ann'] }],
    'no name': [{ call: 'openWorkspace', args: ['u1', 'ann@x.test', ''] }],
  },
};
