import { Connection, Model } from 'mongoose';

interface Coupon {
  code: string;
  used: boolean;
}

// Redeeming a coupon resolves to the coupon, or to undefined when anything failed.
export function redeem(connection: Connection, coupons: Model<Coupon>, code: string): Promise<Coupon | undefined> {
  return connection
    .startSession()
    .then((session) => {
      session.startTransaction();
      return coupons
        .findOneAndUpdate({ code, used: false }, { used: true }, { session, new: true })
        .then((coupon) => session.commitTransaction().then(() => coupon ?? undefined));
    })
    .catch((error: Error) => {
      console.warn(`coupon ${code} not redeemed: ${error.message}`);
      return undefined;
    });
}
