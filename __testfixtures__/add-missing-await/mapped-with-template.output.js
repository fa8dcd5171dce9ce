const mongoose = require('mongoose');
const Profile = require('../models/profile');
const Invite = require('../models/invite');

// Members found by email join at once; the others get an invitation whose text is a template.
exports.addMembers = async (groupName, emails) =>
  mongoose.connection.transaction(async (session) => {
    if (emails.length > 0) {
      const members = [];
      for (const email of emails) {
        const profile = await Profile.findOne({ email }).session(session);
        if (profile) {
          members.push({ email, memberId: profile._id, invited: false });
        } else {
          const note = `
                <h1>Join ${groupName}</h1>
                <p>Sign up with ${email} to see the group.</p>
              `;
          await Invite.create([{ email, note }], { session });
          members.push({ email, memberId: null, invited: true });
        }
      }
      return members;
    }
    return [];
  });
