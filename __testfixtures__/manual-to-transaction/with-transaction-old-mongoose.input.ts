import mongoose from 'mongoose';
import type { Request, Response } from 'express';

const Purchase = mongoose.model('Purchase', new mongoose.Schema({ total: Number }));

// Mongoose 5: session.withTransaction() with endSession() in a finally is already the form this
// version wants (its transaction() never ends the session), so there is nothing to convert or say.
export const createPurchase = async (req: Request, res: Response): Promise<Response> => {
  let created: unknown;
  const session = await Purchase.startSession();
  try {
    await session.withTransaction(async () => {
      created = await Purchase.create([req.body], { session });
    });
  } catch (error) {
    console.log(error);
    return res.status(422).json({ error: 'purchase failed' });
  } finally {
    session.endSession();
  }
  return res.status(200).json(created);
};
