// Counts bookings per process: not a connection, only a number kept between calls.
const usage = { count: 0, last: 0 };

export function takeQuota(): number {
  usage.count = usage.last + 1;
  usage.last = usage.count;
  return usage.count;
}
