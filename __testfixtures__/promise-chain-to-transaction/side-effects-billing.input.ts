import mongoose, { Schema, model } from 'mongoose';

const Subscription = model('Subscription', new Schema({ user: String, plan: String }));

declare const billing: { charge(user: string, plan: string): Promise<{ id: string }> };
declare const queue: { publish(topic: string, payload: object): Promise<void> };

// A payment provider is charged and an event published before the commit: a retried body would
// charge or publish twice.
export function subscribe(user: string, plan: string) {
  let session: mongoose.ClientSession;
  return mongoose
    .startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return billing.charge(user, plan);
    })
    .then(() => Subscription.create([{ user, plan }], { session }))
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}

export function cancel(user: string) {
  let session: mongoose.ClientSession;
  return Subscription.startSession()
    .then((s) => {
      session = s;
      session.startTransaction();
      return Subscription.deleteOne({ user }, { session });
    })
    .then(() => queue.publish('subscription.cancelled', { user }))
    .then(() => session.commitTransaction())
    .then(() => session.endSession());
}
