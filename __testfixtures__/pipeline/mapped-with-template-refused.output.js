const mongoose = require('mongoose');
const Profile = require('../models/profile');
const mailer = require('../lib/mailer');

exports.inviteMembers = async (groupName, emails) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const members = [];
    for (const email of emails) {
      const profile = await Profile.findOne({ email }).session(session);
      if (profile) { members.push({ email, joined: true }); continue; }
      const html = `
          <p>Join ${groupName}</p>
        `;
      await mailer.sendEmail(email, html);
      members.push({ email, joined: false });
    }
    await session.commitTransaction();
    return members;
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
};
