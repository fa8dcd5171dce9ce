const lost = 'the forEach and map callbacks are not awaited: the input commits before their writes, which are lost; the output runs them in order';

module.exports = {
  setup: ({ mongoose }) => {
    mongoose.model('Seat', new mongoose.Schema({ event: String, number: String, taken: Boolean, views: Number }));
    mongoose.model('Booking', new mongoose.Schema({ event: String, seat: String, position: Number, waitlist: Boolean }));
  },
  seed: { Seat: [{ event: 'gig', number: '1', taken: false, views: 0 }, { event: 'gig', number: '2', taken: false, views: 0 }] },
  paths: {
    normal: [{ call: 'book', args: ['gig', [{ number: '1', taken: false }, { number: '2', taken: true }]] }],
  },
  differences: { normal: { data: lost }, 'commit-fails': { data: lost }, 'transient-commit': { data: lost } },
};
