const Project = require('../models/project');

// Every method takes a session; removeMember() forgot to use it.
exports.removeMember = async (projectId, userId, session) => {
  await Project.updateOne({ _id: projectId }, { $pull: { members: userId } });
};

exports.transferOwner = async (projectId, userId, session) => {
  await Project.updateOne({ _id: projectId }, { $set: { owner: userId } }, { session });
};
