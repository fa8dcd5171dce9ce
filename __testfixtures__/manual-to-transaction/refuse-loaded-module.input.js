import mongoose from 'mongoose';
import Invoice from '../models/invoice.js';
import Subscription from '../models/subscription.js';

// The billing client is loaded on demand (it pulls in the payment provider's SDK). Loading it
// twice is harmless; renewing the plan at the provider twice is not, and that is what a retry
// of the body would do.
export async function renewSubscription(subscriptionId) {
  const session = await mongoose.startSession();
  session.startTransaction();
  try {
    const subscription = await Subscription.findById(subscriptionId).session(session);
    const billing = await import('../services/billing.js');
    const payment = await billing.renewPlan(subscription.customerId, subscription.plan);
    await Invoice.create([{ subscription: subscription._id, payment: payment.id, amount: payment.amount }], { session });
    subscription.renewedAt = new Date();
    await subscription.save({ session });
    await session.commitTransaction();
    return payment.id;
  } catch (err) {
    await session.abortTransaction();
    throw err;
  } finally {
    await session.endSession();
  }
}
