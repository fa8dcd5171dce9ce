const mongoose = require('mongoose');
const Profile = mongoose.model('Profile');
const Badge = mongoose.model('Badge');

async function promote(userId) {
  await mongoose.connection.transaction(async (session) => {
    // Loaded with the session: save() uses it without a session argument.
    const profile = await Profile.findOne({ userId }).session(session);
    profile.level += 1;
    await profile.save();
    // Created here without a session: written outside the transaction, awaited and reported.
    const badge = new Badge({ userId, name: 'promoted' });
    await badge.save();
  });
}

module.exports = { promote };
