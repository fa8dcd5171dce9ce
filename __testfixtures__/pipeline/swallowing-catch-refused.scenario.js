module.exports = {
  ts: {
    // The Mongoose transaction holds no operation, so its commit sends nothing that could fail.
    commitFailures: [],
    paths: {
      normal: [{ call: 'AuthService#verifyEmail', construct: ({ mongoose }) => [mongoose.connection, { transaction: async (work) => work({ save: async () => undefined }) }], args: [{ id: 'acc' }, { status: 'verified' }] }],
    },
  },
};
