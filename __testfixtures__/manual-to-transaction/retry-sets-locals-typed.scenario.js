const { req, res } = require('../../test/harness/simulation/kit');

const create = (name) => ({ call: 'createWorkspace', args: [req({ body: { name, email: 'ann@x.test' } }), res()] });

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Workspace', new mongoose.Schema({ name: { type: String, required: true }, createdBy: String }));
    mongoose.model('Permission', new mongoose.Schema({ workspaceId: String, role: String }));
  },
  paths: {
    normal: [create('Lab')],
    'no name': [create('')],
  },
};
