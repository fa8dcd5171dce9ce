import mongoose from 'mongoose';

mongoose.set({ transactionAsyncLocalStorage: true });

export default mongoose;
