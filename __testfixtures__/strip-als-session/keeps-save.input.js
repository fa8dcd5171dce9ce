const mongoose = require('mongoose');
const Comment = mongoose.model('Comment');

// Documents carry their own session for rollback: save({ session }) and $session() stay.
async function reply(postId, text) {
  await mongoose.connection.transaction(async (session) => {
    const comment = new Comment({ postId, text });
    await comment.save({ session });
    const quote = new Comment({ postId, text: `> ${text}` });
    quote.$session(session);
    await quote.save();
  });
}

module.exports = { reply };
