module.exports = {
  setup: ({ mongoose }) => mongoose.model('Seat', new mongoose.Schema({ row: Number, held: Boolean })),
  seed: { Seat: [{ row: 1, held: false }] },
  paths: {
    normal: [{ call: 'hold', args: [1] }],
    'invalid row': [{ call: 'hold', args: [{ $bad: 1 }] }],
  },
};
