const mongoose = require('mongoose');
const Comment = mongoose.model('Comment');

// A soft-delete plugin style call: the session is a plain argument, not an option.
async function purge(postId) {
  await mongoose.connection.transaction(async (session) => {
    await Comment.deleteMany({ postId }, session);
  });
}

module.exports = { purge };
