import type { Request, Response } from 'express';
import mongoose, { Schema, model } from 'mongoose';

const Basket = model('Basket', new Schema({ owner: String }));

interface SessionData {
  userId: string;
  basketId: string | null;
  save(callback?: (err?: unknown) => void): this;
  regenerate(callback: (err?: unknown) => void): this;
}

// req.session is express-session's: save() and regenerate() take callbacks and return it.
export async function emptyBasket(req: Request & { session: SessionData }, res: Response) {
  await mongoose.connection.transaction(async (session) => {
    await Basket.deleteOne({ owner: req.session.userId }, { session });
    req.session.basketId = null;
    req.session.save();
  });
  req.session.regenerate(() => res.redirect('/'));
}
