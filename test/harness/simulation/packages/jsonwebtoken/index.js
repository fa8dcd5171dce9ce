'use strict';
// jsonwebtoken, for scenarios: sign() computes a token from its payload and secret, as the real one
// does (no clock: the same arguments give the same token). The token stays readable, so ids in the
// payload are labelled like any other id when runs are compared; verify() and decode() read it back.
const decode = (token) => JSON.parse(String(token).split('|')[1]);
module.exports = {
  sign: (payload, secret, options = {}) => `jwt|${JSON.stringify(payload)}|${JSON.stringify(options)}|${String(secret).length}`,
  verify: (token) => decode(token),
  decode,
};
