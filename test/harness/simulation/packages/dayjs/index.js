'use strict';
// dayjs, for scenarios: the few calls fixtures make (dayjs(), add, subtract, toDate, valueOf, toISOString).
const UNITS = { millisecond: 1, second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, week: 6048e5 };
const unitMs = (unit) => UNITS[String(unit).replace(/s$/, '')] ?? UNITS.day;
function dayjs(input) {
  const ms = input === undefined ? Date.now() : new Date(input).getTime();
  return {
    add: (n, unit) => dayjs(ms + n * unitMs(unit)),
    subtract: (n, unit) => dayjs(ms - n * unitMs(unit)),
    toDate: () => new Date(ms),
    valueOf: () => ms,
    toISOString: () => new Date(ms).toISOString(),
    isBefore: (other) => ms < dayjs(other).valueOf(),
    isAfter: (other) => ms > dayjs(other).valueOf(),
  };
}
module.exports = dayjs;
module.exports.default = dayjs;
