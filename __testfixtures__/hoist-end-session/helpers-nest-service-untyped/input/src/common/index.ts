export * from './transaction.service';
