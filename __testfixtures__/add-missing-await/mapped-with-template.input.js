const mongoose = require('mongoose');
const Profile = require('../models/profile');
const Invite = require('../models/invite');

// Members found by email join at once; the others get an invitation whose text is a template.
exports.addMembers = async (groupName, emails) =>
  mongoose.connection.transaction(async (session) => {
    if (emails.length > 0) {
      const members = await Promise.all(
        emails.map(async (email) => {
          const profile = await Profile.findOne({ email }).session(session);
          if (profile) {
            return { email, memberId: profile._id, invited: false };
          } else {
            const note = `
                <h1>Join ${groupName}</h1>
                <p>Sign up with ${email} to see the group.</p>
              `;
            await Invite.create([{ email, note }], { session });
            return { email, memberId: null, invited: true };
          }
        }),
      );
      return members;
    }
    return [];
  });
