const mongoose = require('mongoose');
const Profile = mongoose.model('Profile');

async function register(user) {
  await mongoose.connection.transaction(async (session) => {
    const profile = new Profile({ user });
    await profile.save({ session });
    await Profile.updateOne({ user: 'stats' }, { $inc: { users: 1 } }, { session });
  });
}

module.exports = { register };
