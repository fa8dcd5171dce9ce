import MongooseRunInTransaction from './data/run-in-transaction';
import { TransferService } from './domain/transfer.service';

const transactions = new MongooseRunInTransaction();
export const transfers = new TransferService(transactions);
