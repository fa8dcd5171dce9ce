import { Controller, Delete, NotFoundException, Param, Patch } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { TaskService } from './task.service';

// Neither call is given the session. The service hands it to the repository in both; the
// repository's deleteTask() never uses it, so passing it would not bring the delete into the
// transaction, while archiveTask() would write with it.
@Controller('tasks')
export class TaskController {
  constructor(
    private readonly taskService: TaskService,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  @Delete('/:id')
  async deleteTask(@Param('id') id: string) {
    return await this.connection.transaction(async (session) => {
      const task = await this.taskService.deleteTask(id);
      if (!task) throw new NotFoundException('Task not found');
      return task;
    });
  }

  @Patch('/:id/archive')
  async archiveTask(@Param('id') id: string) {
    await this.connection.transaction(async (session) => {
      await this.taskService.archiveTask(id);
    });
  }
}
