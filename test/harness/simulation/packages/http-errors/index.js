'use strict';
// http-errors, for scenarios: createError(status, message) and the HttpError class.
class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
    this.statusCode = status;
    this.expose = status < 500;
  }
}
function createError(...args) {
  const status = args.find((a) => typeof a === 'number') ?? 500;
  const message = args.find((a) => typeof a === 'string') ?? 'Error';
  return new HttpError(status, message);
}
module.exports = createError;
module.exports.HttpError = HttpError;
module.exports.default = createError;
