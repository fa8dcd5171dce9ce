module.exports = {
  js: {
    setup: ({ mongoose }) => mongoose.model('Points', new mongoose.Schema({ userId: String, amount: Number })),
    seed: { Points: [{ userId: 'ann', amount: 5 }] },
    paths: {
      normal: [
        { call: 'PointsService#award', construct: ({ mongoose, model }) => [mongoose.connection, model('Points')], args: ['ann', 10] },
        { call: 'PointsService#award', construct: ({ mongoose, model }) => [mongoose.connection, model('Points')], args: ['bob', 3] },
      ],
    },
  },
  ts: {
    setup: ({ mongoose }) => mongoose.model('Invoice', new mongoose.Schema({ number: String, paid: Boolean })),
    seed: { Invoice: [{ number: 'A-1', paid: false }] },
    paths: {
      normal: [{ call: 'InvoiceService#markPaid', construct: ({ mongoose, model }) => [mongoose.connection, model('Invoice')], args: ['A-1'] }],
    },
  },
};
