import { Schema, model } from 'mongoose';

export interface UserDoc {
  email: string;
  name: string;
}

export const User = model<UserDoc>('User', new Schema<UserDoc>({ email: String, name: String }));
export const Profile = model('Profile', new Schema({ user: Schema.Types.ObjectId, bio: String }));
