module.exports = {
  seed: { Customer: [{ name: 'bob' }] },
  paths: {
    normal: [
      { call: 'addCustomer', args: ['ann'] },
      { call: 'renameCustomer', args: ['ann', 'anna'] },
    ],
  },
};
