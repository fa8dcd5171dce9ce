const mongoose = require('mongoose');
const Profile = mongoose.model('Profile');

async function register(user) {
  await mongoose.connection.transaction(async () => {
    const profile = new Profile({ user });
    await profile.save();
    await Profile.updateOne({ user: 'stats' }, { $inc: { users: 1 } });
  });
}

module.exports = { register };
