const mongoose = require('mongoose');

const Like = mongoose.model('Like', new mongoose.Schema({ post: String, user: String }));

// An Express-style handler whose arrow body is the chain; the response comes after the commit.
const like = (req, res) =>
  Like.startSession()
    .then((session) => {
      session.startTransaction();
      return Like.create([{ post: req.params.id, user: req.user.id }], { session })
        .then(() => session.commitTransaction())
        .then(() => session.endSession());
    })
    .then(() => res.status(204).end());

module.exports = { like };
