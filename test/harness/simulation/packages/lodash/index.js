'use strict';
// lodash, for scenarios: the few functions fixtures call.
const pick = (obj, keys) => Object.fromEntries([].concat(keys).filter((k) => obj != null && k in obj).map((k) => [k, obj[k]]));
const omit = (obj, keys) => Object.fromEntries(Object.entries(obj ?? {}).filter(([k]) => ![].concat(keys).includes(k)));
const get = (obj, path, fallback) => {
  const value = String(path).split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
  return value === undefined ? fallback : value;
};
const sumBy = (list, f) => list.reduce((sum, x) => sum + (typeof f === 'function' ? f(x) : x[f]), 0);
const isEmpty = (v) => v == null || (typeof v === 'object' ? Object.keys(v).length === 0 : String(v).length === 0);
module.exports = { pick, omit, get, sumBy, isEmpty, cloneDeep: (v) => structuredClone(v) };
