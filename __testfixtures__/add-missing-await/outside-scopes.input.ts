import { Schema, model } from 'mongoose';

const Visit = model('Visit', new Schema({ path: String, at: Date }));

// No transaction and no session here: fire-and-forget logging is left as it was written.
export function recordVisit(path: string) {
  Visit.create({ path, at: new Date() });
}

export async function recordLater(path: string) {
  setTimeout(() => {
    Visit.create({ path, at: new Date() });
  }, 10);
}
