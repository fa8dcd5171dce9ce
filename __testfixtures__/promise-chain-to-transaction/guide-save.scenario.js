module.exports = {
  paths: {
    normal: [{ call: 'rename', args: ({ mongoose }) => [mongoose.connection] }],
  },
};
