'use strict';
// @nestjs/common, for scenarios: decorators that do nothing, the HTTP exceptions, and a Logger that logs to the console.
const decorator = () => () => undefined;
class HttpException extends Error {
  constructor(response, status) {
    super(typeof response === 'string' ? response : (response && response.message) || 'Http Exception');
    this.response = response;
    this.status = status;
  }
  getStatus() { return this.status; }
  getResponse() { return this.response; }
}
const exception = (name, status, fallback) => ({ [name]: class extends HttpException {
  constructor(message = fallback) { super(message, status); }
} })[name];
class Logger {
  constructor(context) { this.context = context; }
  log(...args) { console.log(...args); }
  error(...args) { console.error(...args); }
  warn(...args) { console.warn(...args); }
  debug(...args) { console.debug(...args); }
  verbose(...args) { console.debug(...args); }
}
module.exports = {
  Injectable: decorator, Inject: decorator, Controller: decorator, Get: decorator, Post: decorator, Put: decorator,
  Patch: decorator, Delete: decorator, Body: decorator, Param: decorator, Query: decorator, Req: decorator, Res: decorator,
  UseGuards: decorator, Module: decorator, forwardRef: (f) => f,
  HttpException, Logger, HttpStatus: { OK: 200, CREATED: 201, BAD_REQUEST: 400, NOT_FOUND: 404, CONFLICT: 409, INTERNAL_SERVER_ERROR: 500 },
  BadRequestException: exception('BadRequestException', 400, 'Bad Request'),
  NotFoundException: exception('NotFoundException', 404, 'Not Found'),
  ConflictException: exception('ConflictException', 409, 'Conflict'),
  ForbiddenException: exception('ForbiddenException', 403, 'Forbidden'),
  UnauthorizedException: exception('UnauthorizedException', 401, 'Unauthorized'),
  InternalServerErrorException: exception('InternalServerErrorException', 500, 'Internal Server Error'),
};
