import mongoose, { Schema, model } from 'mongoose';

const Order = model('Order', new Schema({ user: String, total: Number, state: String }));
const AuditLog = model('AuditLog', new Schema({ action: String, order: String }));

// The audit entry is written once the data is committed, deliberately without waiting for it;
// the order's own writes before the commit were the ones left floating.
export async function settle(orderId: string, paid: boolean): Promise<void> {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    Order.updateOne({ _id: orderId }, { $set: { state: 'settling' } }, { session }).exec();
    if (paid) {
      Order.updateOne({ _id: orderId }, { $set: { state: 'paid' } }, { session }).exec();
      await session.commitTransaction();
    } else {
      await session.abortTransaction();
    }
    AuditLog.create([{ action: paid ? 'paid' : 'cancelled', order: orderId }]);
  } catch (error) {
    if (session.inTransaction()) await session.abortTransaction();
    throw error;
  } finally {
    await session.endSession();
  }
}
