const mongoose = require('mongoose');
const Profile = require('../models/profile');
const mailer = require('../lib/mailer');

exports.inviteMembers = async (groupName, emails) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const members = await Promise.all(
      emails.map(async (email) => {
        const profile = await Profile.findOne({ email }).session(session);
        if (profile) return { email, joined: true };
        const html = `
          <p>Join ${groupName}</p>
        `;
        await mailer.sendEmail(email, html);
        return { email, joined: false };
      }),
    );
    await session.commitTransaction();
    return members;
  } catch (error) {
    await session.abortTransaction();
    throw error;
  } finally {
    session.endSession();
  }
};
