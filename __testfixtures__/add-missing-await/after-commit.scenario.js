const { req, res } = require('../../test/harness/simulation/kit');

const js = {
  modules: {
    '../models/booking': (mongoose) => mongoose.model('Booking', new mongoose.Schema({ room: String, user: String, state: String })),
    '../models/notification': (mongoose) => mongoose.model('Notification', new mongoose.Schema({ user: String, text: String })),
  },
  paths: {
    normal: [{ call: 'book', args: [req({ body: { room: '101' }, user: { id: 'ann' } }), res()] }],
  },
};

module.exports = { js };
