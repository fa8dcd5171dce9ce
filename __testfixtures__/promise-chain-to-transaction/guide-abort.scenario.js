module.exports = {
  noCommit: 'the guide aborts the transaction on purpose',
  paths: {
    normal: [{ call: 'tryOut' }],
  },
};
