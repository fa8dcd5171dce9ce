import { Request, Response } from 'express';
import mongoose, { Model } from 'mongoose';
import { sendSuccess } from '../utils/responses';

interface OtpDoc {
  otp: string;
  expiresAt: Date;
}

interface OtpMethods {
  isExpired(): boolean;
}

interface UserDoc {
  email: string;
  isEmailVerified: boolean;
}

export class UserController {
  constructor(
    private readonly otps: Model<OtpDoc, {}, OtpMethods>,
    private readonly users: Model<UserDoc>,
  ) {}

  // `res` in checkOtp() is the code the user typed, loaded from the database: calling its methods
  // answers no request. What a second run would repeat is the response sent inside the body.
  private checkOtp = async ({ id, otp }: { id: string; otp: string }) => {
    let res = await this.otps.findOne({ _id: id, otp });
    if (!res) throw new Error('wrong code');
    if (res.isExpired()) throw new Error('code expired');
    return res;
  };

  verifyEmail = async (req: Request, res: Response) => {
    const session = await mongoose.startSession();
    session.startTransaction();
    try {
      await this.checkOtp(req.body);
      const user = await this.users.findByIdAndUpdate((req as any).userId, { isEmailVerified: true }, { new: true, session });
      await this.otps.deleteOne({ _id: req.body.id }, { session });
      sendSuccess(res, user);
      await session.commitTransaction();
    } catch (err) {
      await session.abortTransaction();
      throw err;
    } finally {
      await session.endSession();
    }
  };
}
