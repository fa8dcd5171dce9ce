import mongoose, { Schema } from 'mongoose';

interface Purchase {
  product: string;
  qty: number;
}

interface Res {
  status(code: number): { json(body: unknown): void };
}

const model = mongoose.model<Purchase>('Purchase', new Schema<Purchase>({ product: String, qty: { type: Number, min: 1 } }));
const Product = mongoose.model('Product', new Schema({ name: String, stock: Number }));

// The controller keeps its own model as lower-case `model`: its startSession() is that model's,
// so the transaction runs on model.db.
export const create = async (req: { body: Purchase }, res: Res) => {
  const session = await model.startSession();
  session.startTransaction();
  try {
    const [purchase] = await model.create([req.body], { session });
    await Product.updateOne({ _id: req.body.product }, { $inc: { stock: req.body.qty } }, { session });
    await session.commitTransaction();
    res.status(200).json(purchase);
  } catch (error) {
    await session.abortTransaction();
    res.status(500).json({ message: (error as Error).message });
  } finally {
    await session.endSession();
  }
};
