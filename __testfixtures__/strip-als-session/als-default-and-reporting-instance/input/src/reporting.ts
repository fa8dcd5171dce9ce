import { Mongoose, Schema } from 'mongoose';

// Reports live on a separate Mongoose instance, with its own settings.
export const reporting = new Mongoose();
export const Report = reporting.model('Report', new Schema({ month: String, total: Number }));
