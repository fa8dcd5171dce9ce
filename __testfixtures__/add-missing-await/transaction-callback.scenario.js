const unawaited = 'the input never awaits Customer.create (it lands after the commit, or is lost) and never runs the updateOne query; the output awaits both';

module.exports = {
  seed: { Customer: [{ name: 'bob', orders: [], credit: 0 }] },
  paths: {
    normal: [{ call: 'placeOrder', args: ['ann', 40] }],
    'known customer': [{ call: 'placeOrder', args: ['bob', 10] }],
  },
  differences: Object.fromEntries(['normal', 'known customer', 'commit-fails', 'transient-commit'].map((run) => [run, { data: unawaited }])),
};
