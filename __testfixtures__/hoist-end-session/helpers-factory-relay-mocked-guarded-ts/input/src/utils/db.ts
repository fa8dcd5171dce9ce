import mongoose, { ClientSession } from 'mongoose';

export const getTxSession = (): Promise<ClientSession> => mongoose.startSession();
