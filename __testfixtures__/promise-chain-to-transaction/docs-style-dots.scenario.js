module.exports = {
  paths: {
    normal: [{ call: 'createCustomer', args: ['ann'] }],
  },
};
