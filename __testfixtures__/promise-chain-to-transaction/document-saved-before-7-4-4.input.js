const mongoose = require('mongoose');

const Post = mongoose.model('Post', new mongoose.Schema({ title: String, published: Boolean }));
const Audit = mongoose.model('Audit', new mongoose.Schema({ post: String, action: String }));

// The post is loaded before the transaction and saved inside it.
function publish(post) {
  return Post.startSession().then((session) => {
    session.startTransaction();
    post.published = true;
    return post
      .save({ session })
      .then(() => Audit.create([{ post: post.id, action: 'publish' }], { session }))
      .then(() => session.commitTransaction())
      .then(() => session.endSession());
  });
}

module.exports = { publish };
