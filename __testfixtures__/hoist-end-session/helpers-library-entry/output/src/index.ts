export * from './transaction-manager';
export * from './outbox.service';
