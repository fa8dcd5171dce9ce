import { Connection, Model } from 'mongoose';

interface Coupon {
  code: string;
  used: boolean;
}

// Redeeming a coupon resolves to the coupon, or to undefined when anything failed.
export async function redeem(connection: Connection, coupons: Model<Coupon>, code: string): Promise<Coupon | undefined> {
  try {
    return await connection.transaction(async (session) => {
      const coupon = await coupons
        .findOneAndUpdate({ code, used: false }, { used: true }, { session, new: true });
      return coupon ?? undefined;
    });
  } catch (caught) {
    const error = caught as Error;
    console.warn(`coupon ${code} not redeemed: ${error.message}`);
    return undefined;
  }
}
