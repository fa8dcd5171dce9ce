const mongoose = require('mongoose');
const Order = mongoose.model('Order');
const mailer = require('./mailer');

const shipped = [];

// Each body has an effect outside the database: transaction() may run it again on a transient
// error, so these stay as they are.
function ship(req, res) {
  let session = null;
  return mongoose
    .startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Order.updateOne({ _id: req.params.id }, { shipped: true }, { session });
    })
    .then(() => res.json({ ok: true }))
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

function notify(id) {
  let session = null;
  return Order.startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      return Order.findById(id).session(session);
    })
    .then((order) => mailer.sendMail({ to: order.email, subject: 'shipped' }))
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

function remember(id) {
  let session = null;
  return Order.startSession()
    .then((_session) => {
      session = _session;
      session.startTransaction();
      shipped.push(id);
      return Order.updateOne({ _id: id }, { shipped: true }, { session });
    })
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

module.exports = { ship, notify, remember };
