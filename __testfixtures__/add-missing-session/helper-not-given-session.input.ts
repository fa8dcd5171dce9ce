import { ClientSession, Connection } from 'mongoose';
import { JobRepository } from './job.repository';

interface JobMessage {
  jobId: string;
  replyTo: string;
}

// A queue worker whose helpers take an optional session, but are called without it: their writes
// run outside the worker's transaction. That may be meant (a "started" marker that should survive
// a failure), so each call is reported, naming the helper, and left as written.
export class JobWorker {
  constructor(
    private readonly connection: Connection,
    private readonly jobs: JobRepository,
  ) {}

  async handle(message: JobMessage): Promise<void> {
    let session: ClientSession | null = null;
    try {
      session = await this.connection.startSession();
      session.startTransaction();
      if (await this.alreadyStarted(message.jobId)) {
        await session.commitTransaction();
        return;
      }
      await this.markStarted(message.jobId);
      await this.markDone(message.jobId, session);
      await session.commitTransaction();
    } catch (error) {
      if (session) await session.abortTransaction();
    } finally {
      if (session) await session.endSession();
    }
  }

  private async alreadyStarted(jobId: string, session?: ClientSession): Promise<boolean> {
    return this.jobs.hasStarted(jobId, session);
  }

  private async markStarted(jobId: string, session?: ClientSession): Promise<void> {
    await this.jobs.setStartedAt(jobId, new Date(), session);
  }

  private async markDone(jobId: string, session?: ClientSession): Promise<void> {
    await this.jobs.setDoneAt(jobId, new Date(), session);
  }
}
