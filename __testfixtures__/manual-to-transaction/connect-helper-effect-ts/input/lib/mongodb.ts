import mongoose from 'mongoose';

type Cache = { conn: typeof mongoose | null; promise: Promise<typeof mongoose> | null };

// Kept across hot reloads so that each request does not open a new pool.
const cached: Cache = (globalThis as { mongooseCache?: Cache }).mongooseCache ?? { conn: null, promise: null };

export default async function connectDB(): Promise<typeof mongoose> {
  if (cached.conn) {
    if (mongoose.connection.readyState === 1) return cached.conn;
    cached.conn = null;
    cached.promise = null;
  }
  if (!cached.promise) {
    cached.promise = mongoose.connect(process.env.MONGODB_URI as string, { bufferCommands: false });
  }
  cached.conn = await cached.promise;
  // Every call is counted by the metrics service.
  await fetch(process.env.METRICS_URL as string, { method: 'POST', body: JSON.stringify({ event: 'db.connect' }) });
  return cached.conn;
}
