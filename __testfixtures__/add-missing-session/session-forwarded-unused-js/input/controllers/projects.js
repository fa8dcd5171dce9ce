const mongoose = require('mongoose');
const projectService = require('../services/project-service');

// Neither call is given the session: passing it to leave() would change nothing (the repository
// never uses it), passing it to handOver() would bring its write into the transaction.
exports.leaveAndHandOver = async (req, res) => {
  const { projectId, successor } = req.body;
  await mongoose.connection.transaction(async (session) => {
    await projectService.handOver(projectId, successor);
    await projectService.leave(projectId, req.userId);
  });
  res.sendStatus(204);
};
