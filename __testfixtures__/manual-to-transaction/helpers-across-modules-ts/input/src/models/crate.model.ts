import { Schema, model, Types } from "mongoose";

const CrateSchema = new Schema({
  crateId: { type: String, required: true },
  orderId: { type: Types.ObjectId, required: true },
  labels: [{ token: String, sig: String }],
});

export const Crate = model("Crate", CrateSchema);

const MemberSchema = new Schema({
  email: String,
  userId: Types.ObjectId,
  joined: Boolean,
});

export const Member = model("Member", MemberSchema);
export const Account = model("Account", new Schema({ email: String }));
