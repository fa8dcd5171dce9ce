const mongoose = require('mongoose');
const Workspace = mongoose.model('Workspace');
const Permission = mongoose.model('Permission');

// The body leaves what it made on res.locals for the code after it. It only puts values there, so
// a second run puts its own values there again and reads nothing a first run left: it converts.
async function createWorkspace(req, res) {
  await mongoose.connection.transaction(async (session) => {
    const [workspace] = await Workspace.create([{ name: req.body.name, createdBy: req.body.email }], { session });
    res.locals.workspaceId = String(workspace._id);
    const [permission] = await Permission.create([{ workspaceId: String(workspace._id), role: 'admin' }], { session });
    res.locals.role = permission.role;
  });
  res.status(201).json({ workspaceId: res.locals.workspaceId, role: res.locals.role });
}

module.exports = { createWorkspace };
