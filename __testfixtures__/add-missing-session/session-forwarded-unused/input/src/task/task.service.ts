import { Injectable } from '@nestjs/common';
import { ClientSession } from 'mongoose';
import { TaskRepository } from './task.repository';

@Injectable()
export class TaskService {
  constructor(private readonly taskRepository: TaskRepository) {}

  async deleteTask(id: string, session?: ClientSession) {
    return await this.taskRepository.deleteTask(id, session);
  }

  async archiveTask(id: string, session?: ClientSession) {
    return await this.taskRepository.archiveTask(id, session);
  }
}
