import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';

interface Enrollment {
  course: string;
  student: string;
}

interface Course {
  code: string;
  seats: number;
}

@Injectable()
export class EnrollmentService {
  private readonly logger = new Logger(EnrollmentService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel('Enrollment') private readonly enrollments: Model<Enrollment>,
    @InjectModel('Course') private readonly courses: Model<Course>,
  ) {}

  // The students enrolled are declared before the try, logged in the finally and returned.
  async enrollAll(code: string, students: string[]): Promise<string[]> {
    const session = await this.connection.startSession();
    session.startTransaction();
    let enrolled: string[] = [];
    try {
      const course = await this.courses.findOneAndUpdate({ code, seats: { $gte: students.length } }, { $inc: { seats: -students.length } }, { session });
      if (course) {
        await this.enrollments.insertMany(students.map((student) => ({ course: code, student })), { session });
        enrolled = students;
      }
      await session.commitTransaction();
    } catch (error) {
      await session.abortTransaction();
      throw error;
    } finally {
      await session.endSession();
      this.logger.log(`enrolled ${enrolled.length} in ${code}`);
    }
    return enrolled;
  }
}
