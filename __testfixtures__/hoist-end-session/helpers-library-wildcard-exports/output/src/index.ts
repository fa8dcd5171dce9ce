export { OutboxPublisher } from './outbox-publisher';
