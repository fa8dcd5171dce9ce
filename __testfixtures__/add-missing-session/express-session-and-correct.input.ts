import type { Request, Response } from 'express';
import mongoose from 'mongoose';
import { User } from '../models/user';
import { Login } from '../models/login';

// express-session's req.session.save() and .regenerate() are not Mongoose writes; every Mongoose
// write here already carries the transaction's session.
export async function login(req: Request, res: Response): Promise<void> {
  await mongoose.connection.transaction(async (session) => {
    const user = await User.findOne({ email: req.body.email }).session(session);
    if (!user) throw new Error('unknown user');
    user.lastLogin = new Date();
    await user.save();
    await Login.create([{ user: user._id, at: new Date() }], { session });
    req.session.userId = String(user._id);
    req.session.save((err) => {
      if (err) console.error(err);
    });
  });
  res.json({ ok: true });
}

// Outside any transaction nothing is touched.
export async function logout(req: Request, res: Response): Promise<void> {
  await User.updateOne({ _id: req.session.userId }, { $set: { lastLogout: new Date() } });
  req.session.destroy(() => res.json({ ok: true }));
}
