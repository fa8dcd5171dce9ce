module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Booking', new mongoose.Schema({
      ref: String, user: { id: String, email: String }, room: { type: String, required: true }, checkout: Date,
    }));
    mongoose.model('Ledger', new mongoose.Schema({ user: String, nights: Number }));
  },
  seed: { Ledger: [{ user: 'u1', nights: 2 }] },
  paths: {
    normal: [{ call: 'book', args: [{ id: 'u1', email: 'ann@x.test', password: 'secret' }, '101', 3] }],
    'no room': [{ call: 'book', args: [{ id: 'u1', email: 'ann@x.test' }, '', 3] }],
  },
};
