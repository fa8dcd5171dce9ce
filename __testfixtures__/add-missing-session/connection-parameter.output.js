import { ObjectId } from 'mongodb';

// An identity service whose handlers are given the connection (`db`) and take their models from
// it: the session comes from the same connection, so its writes can take it.
async function removeAccount(db, { id }) {
  const AccountModel = db.model('Account');
  const FactorModel = db.model('Factor');
  const MembershipModel = db.model('Membership');

  // remove the account and what hangs off it in one go
  const session = await db.startSession();
  session.startTransaction();

  try {
    const result = await AccountModel.deleteOne({
      _id: ObjectId(id),
    }, { session });

    await FactorModel.deleteMany({
      account: ObjectId(id),
    }, { session });

    await MembershipModel.deleteMany({ accountId: ObjectId(id) }, { session });

    await session.commitTransaction();

    return !!result.ok;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

async function register(db, { name, teams }) {
  const AccountModel = db.model('Account');
  const MembershipModel = db.model('Membership');

  const taken = await AccountModel.findOne({ name });
  if (taken) throw new Error('name taken');

  const session = await db.startSession();
  session.startTransaction();

  try {
    const account = await AccountModel.create({ name, createdAt: new Date() });

    await MembershipModel.insertMany([
      { teamId: null, accountId: account._id },
      ...teams.map((team) => ({
        teamId: ObjectId(team),
        accountId: account._id,
      })),
    ], { session });

    await AccountModel.updateOne(
      { _id: account._id },
      {
        $set: { teamCount: teams.length },
      },
      { session }
    );

    await session.commitTransaction();
    return account;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    session.endSession();
  }
}

export { removeAccount, register };
