import mongoose from 'mongoose';

mongoose.connect(process.env.MONGO_URL ?? 'mongodb://localhost/audit');

export const Audit = mongoose.model('Audit', new mongoose.Schema({ order: String, action: String }));

export async function openSession() {
  return Audit.startSession();
}
