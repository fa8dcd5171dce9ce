module.exports = {
  paths: {
    normal: [{ call: 'gh6909' }],
  },
};
