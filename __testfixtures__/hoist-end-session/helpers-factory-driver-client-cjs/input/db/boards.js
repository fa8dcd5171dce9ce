const { getDb } = require('./mongo');

module.exports = {
  rename: async (boardId, title, session) => {
    await getDb().collection('boards').updateOne({ boardId }, { $set: { title } }, { session });
  },
  addMember: async (boardId, userId, session) => {
    await getDb().collection('members').insertOne({ boardId, userId }, { session });
    await getDb().collection('boards').updateOne({ boardId }, { $inc: { members: 1 } }, { session });
  },
};
