import type { ClientSession } from 'mongodb';
import type { Knex } from 'knex';
import * as dbTransactions from '../db/session';
import * as reporting from '../db/reporting';
import { Poll } from '../models/poll';

export async function vote(pollId: string, option: number): Promise<{ status: string }> {
  let dbsession: ClientSession | null = null;
  try {
    dbsession = await dbTransactions.start();
    const poll = await Poll.findById(pollId).session(dbsession);
    if (!poll) throw new Error('poll not found');
    await Poll.updateOne({ _id: pollId }, { $inc: { [`votes.${option}`]: 1 } }, { session: dbsession });
    await dbTransactions.commit(dbsession);
    return { status: 'voted' };
  } catch (err) {
    await dbTransactions.abort(dbsession);
    throw err;
  }
}

export async function exportVotes(pollId: string): Promise<void> {
  const reportsession: Knex.Transaction = await reporting.start();
  try {
    const poll = await Poll.findById(pollId).lean();
    await reportsession('poll_exports').insert({ poll_id: pollId, votes: JSON.stringify(poll?.votes ?? []) });
    await reportsession.commit();
  } catch (err) {
    await reportsession.rollback();
    throw err;
  }
}
