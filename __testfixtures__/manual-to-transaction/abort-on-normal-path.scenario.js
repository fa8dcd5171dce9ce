module.exports = {
  noCommit: 'the transaction is aborted on purpose at the end of the normal path',
  paths: {
    normal: [{ call: 'undoUpdateAndDelete', args: ({ mongoose }) => [mongoose.connection] }],
  },
};
