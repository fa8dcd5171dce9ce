const mongoose = require('mongoose');
const Member = require('../models/member');
const Team = require('../models/team');
const User = require('../models/user');

// The user is loaded before the transaction. The body reads its team and sets another field:
// a second run reads the same team and sets the same value. The roles are grouped in memory
// with a reduce whose accumulator is made afresh by each run.
exports.verifyAccount = async (req, res) => {
  const user = await User.findById(req.params.id);
  try {
    const byRole = await mongoose.connection.transaction(async (session) => {
      const team = user.team;
      user.verified = true;
      await user.save({ session });
      const members = await Member.find({ team }).session(session);
      const byRole = members.reduce((acc, member) => {
        (acc[member.role] = acc[member.role] || []).push(member.name);
        return acc;
      }, {});
      await Team.updateOne({ _id: team }, { $set: { roles: byRole } }, { session });
      return byRole;
    });
    res.json({ verified: true, roles: Object.keys(byRole) });
  } catch (err) {
    res.status(500).json({ message: err.message });
  }
};
