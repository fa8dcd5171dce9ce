const Session = require('../models/session');
const AuditLog = require('../models/audit-log');

async function revokeAll(userId) {
  await Session.deleteMany({ user: userId });
}

async function audit(userId, action) {
  await AuditLog.create([{ user: userId, action }]);
}

async function countFor(userId) {
  return Session.countDocuments({ user: userId });
}

module.exports = { revokeAll, audit, countFor };
