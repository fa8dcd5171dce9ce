const mongoose = require('mongoose');
const Team = mongoose.model('Team');
const Member = mongoose.model('Member');

// Team setup written with Promise.all, as in many Express services.
async function createTeam(name, members) {
  return mongoose.connection.transaction(async (session) => {
    const [[team], owner] = [
      await Team.create([{ name }], { session }),
      await Member.findOne({ email: members[0] }).session(session),
    ];
    for (const email of members) {
      await Member.updateOne({ email }, { team: team._id }, { session });
    }
    const results = await Promise.allSettled([Member.create([{ email: 'bot@example.com', team: team._id }], { session })]);
    const fastest = await Promise.race([Team.findById(team._id).session(session), Member.findOne({ team: team._id }).session(session)]);
    return { team, owner, results, fastest };
  });
}

module.exports = { createTeam };
