import { model, Schema, Types } from "mongoose";

export interface IGroup {
  name: string;
  members: Types.ObjectId[];
}

export const Group = model<IGroup>("Group", new Schema<IGroup>({ name: String, members: [Schema.Types.ObjectId] }));
