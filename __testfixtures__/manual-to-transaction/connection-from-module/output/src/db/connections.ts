import mongoose from 'mongoose';
import { config } from '../config';

// Analytics data lives apart from the main database.
export const analyticsConnection = mongoose.createConnection(config.analyticsUri);
