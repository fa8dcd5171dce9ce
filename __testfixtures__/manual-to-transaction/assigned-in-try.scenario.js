const { id } = require('../../test/harness/simulation/kit');

module.exports = {
  modules: {
    '../models/room': (mongoose) => mongoose.model('Room', new mongoose.Schema({ number: String, free: Boolean })),
    '../models/reservation': (mongoose) =>
      mongoose.model('Reservation', new mongoose.Schema({ room: mongoose.Schema.Types.ObjectId, guest: { type: String, required: true } })),
  },
  seed: { Room: [{ _id: 'r101', number: '101', free: true }] },
  paths: {
    normal: [{ call: 'reserve', args: [id('r101'), 'ann'] }],
    'no guest': [{ call: 'reserve', args: [id('r101'), ''] }],
  },
};
