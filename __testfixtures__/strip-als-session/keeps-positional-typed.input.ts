import mongoose, { Schema, model } from 'mongoose';

const Comment = model('Comment', new Schema({ post: String }));

// Code typed for an older Mongoose passes the session positionally: it is not an options object.
export async function removePost(post: string) {
  await mongoose.connection.transaction(async (session) => {
    await Comment.exists({ post }).session(session);
    await Comment.deleteMany({ post }, session);
  });
}
