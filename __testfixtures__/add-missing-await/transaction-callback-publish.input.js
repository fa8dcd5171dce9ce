const mongoose = require('mongoose');
const Post = mongoose.model('Post');
const Tag = mongoose.model('Tag');

// The callbacks below are not async, and some calls in them are not awaited.
function publish(conn, postId, tags) {
  return conn.transaction((session) => {
    Post.updateOne({ _id: postId }, { published: true }, { session }).exec();
    Tag.updateMany({ name: { $in: tags } }, { $inc: { count: 1 } }).session(session);
  });
}

async function retag(client, postId, tag) {
  await client.withSession((session) =>
    session.withTransaction(async () => {
      Tag.create([{ name: tag, post: postId }], { session });
    }),
  );
}

module.exports = { publish, retag };
