import mongoose from 'mongoose';
import type { ClientSession, MongoClient } from 'mongodb';
import { Ballot } from '../models/ballot';
import { Poll } from '../models/poll';

function mongoClient(): MongoClient {
  return mongoose.connection.getClient();
}

async function openVoteSession(): Promise<ClientSession> {
  const session = mongoClient().startSession();
  session.startTransaction();
  return session;
}

async function commitVote(session: ClientSession): Promise<void> {
  await session.commitTransaction();
  await session.endSession();
}

async function abortVote(session: ClientSession | null): Promise<void> {
  if (!session?.inTransaction()) return;
  await session.abortTransaction();
  await session.endSession();
}

export async function castBallot(pollId: string, voter: string, choice: number): Promise<{ status: string }> {
  let votesession: ClientSession | null = null;
  try {
    votesession = await openVoteSession();
    const poll = await Poll.findOne({ _id: pollId, open: true }).session(votesession);
    if (!poll) throw new Error('poll is closed');
    await Ballot.create([{ poll: pollId, voter, choice }], { session: votesession });
    await Poll.updateOne({ _id: pollId }, { $inc: { ballots: 1 } }, { session: votesession });
    await commitVote(votesession);
    return { status: 'cast' };
  } catch (err) {
    await abortVote(votesession);
    throw err;
  }
}
