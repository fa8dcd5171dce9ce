import { Schema } from 'mongoose';
import { analyticsConnection } from '../db/connections';

export interface AnalyticsEvent {
  name: string;
  userId: string;
  at: Date;
}

export const events = analyticsConnection.model<AnalyticsEvent>(
  'Event',
  new Schema<AnalyticsEvent>({ name: String, userId: String, at: Date }),
);
