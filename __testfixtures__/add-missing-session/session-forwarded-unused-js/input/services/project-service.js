const projects = require('../repositories/project-repository');

// The service passes the session straight through to the repository.
async function leave(projectId, userId, session) {
  return projects.removeMember(projectId, userId, session);
}

async function handOver(projectId, userId, session) {
  return projects.transferOwner(projectId, userId, session);
}

module.exports = { leave, handOver };
