const mongoose = require('mongoose');

const Like = mongoose.model('Like', new mongoose.Schema({ post: String, user: String }));

// An Express-style handler whose arrow body is the chain; the response comes after the commit.
const like = async (req, res) => {
  await Like.db.transaction(async (session) => {
    await Like.create([{ post: req.params.id, user: req.user.id }], { session });
  });
  return res.status(204).end();
};

module.exports = { like };
