import mongoose from 'mongoose';
import Client from '../models/Client.js';
import User from '../models/User.js';
import handleError from '../utils/handleError.js';
import { rollback } from '../utils/transactions.js';

// Every failing check hands the session to handleError(), which aborts the transaction, ends the
// session and answers; the finally ends the session too. The transaction cannot become a
// transaction() (the abort is made in the helper), and the finally is already there.
export const createClient = async (req, res) => {
  let session;
  try {
    session = await mongoose.startSession();
    session.startTransaction();
    const { user } = req.body;
    if (!(await User.exists({ _id: user }).session(session))) {
      return handleError(res, null, session, 409, 'The user does not exist');
    }
    const client = new Client({ user });
    await client.save({ session });
    await session.commitTransaction();
    res.status(201).json({ data: client });
  } catch (error) {
    if (session && session.inTransaction()) {
      await session.abortTransaction();
    }
    handleError(res, error, null, 500, 'Could not create the client');
  } finally {
    if (session) {
      await session.endSession();
    }
  }
};

// Here the helper only aborts; the return that follows answers.
export const deleteClient = async (req, res) => {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const client = await Client.findById(req.params.id).session(session);
    if (!client) {
      await rollback(session);
      return res.status(404).json({ error: 'Client not found' });
    }
    await client.deleteOne({ session });
    await session.commitTransaction();
    return res.status(204).end();
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    return res.status(500).json({ error: error.message });
  } finally {
    await session.endSession();
  }
};
