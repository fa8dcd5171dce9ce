module.exports = {
  paths: {
    normal: [{ call: 'smokeTest' }],
  },
};
