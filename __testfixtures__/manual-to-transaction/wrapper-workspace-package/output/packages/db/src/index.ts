export * from './run-in-transaction';
