module.exports = {
  paths: {
    normal: [{ call: 'openAccount', args: ({ mongoose }) => [mongoose.connection] }],
  },
};
