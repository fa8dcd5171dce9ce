module.exports = {
  paths: {
    normal: [{ call: 'monthlyCounts', args: ({ mongoose }) => [mongoose.connection] }],
  },
};
