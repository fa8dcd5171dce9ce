const rename = (from, to) => ({ call: 'renameTeam', args: ({ mongoose, model }) => [mongoose.connection, model('Team'), from, to] });

module.exports = {
  setup: ({ mongoose }) => mongoose.model('Team', new mongoose.Schema({ name: String })),
  seed: { Team: [{ name: 'red' }] },
  paths: {
    normal: [rename('red', 'blue')],
    'no such team': [rename('green', 'blue')],
  },
};
