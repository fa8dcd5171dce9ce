const js = {
  modules: {
    './outbox': (mongoose, { effect }) => ({ flushPending: async () => effect('outbox', 'flushed') }),
  },
  paths: { normal: [{ call: 'flushOutbox', args: [] }] },
  noCommit: 'the outbox does not use the session, so the transaction has no writes and its commit is empty',
};

const ts = {
  modules: {
    './outbox.service': (mongoose, { effect }) => ({
      OutboxService: class {
        async flushPending() {
          effect('outbox', 'flushed');
        }
      },
    }),
  },
  paths: {
    normal: [
      {
        call: 'DispatchService#flush',
        construct: ({ mongoose }) => [mongoose.connection, { flushPending: async () => undefined }],
        args: [],
      },
    ],
  },
  noCommit: 'the outbox does not use the session, so the transaction has no writes and its commit is empty',
};

module.exports = { js, ts };
