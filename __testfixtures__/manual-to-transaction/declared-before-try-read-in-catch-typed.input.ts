import mongoose, { Model } from 'mongoose';

interface Row {
  sku: string;
  price: number;
}

export interface ImportResult {
  imported: number;
  skus?: string[];
  left?: number;
}

// The catch reads what was declared between startTransaction() and the try: it stays outside
// the transaction() callback, where the catch can still see it.
export async function importBatch(Product: Model<Row>, rows: Row[]): Promise<ImportResult> {
  const session = await mongoose.startSession();
  session.startTransaction();

  // skus of this batch, for the failure report
  const skus: string[] = rows.map((row) => row.sku);

  try {
    await Product.insertMany(rows, { session });
    await session.commitTransaction();
  } catch (err) {
    await session.abortTransaction();
    const left = await Product.countDocuments({ sku: { $in: skus } });
    return { imported: 0, skus, left };
  } finally {
    await session.endSession();
  }
  return { imported: rows.length };
}
