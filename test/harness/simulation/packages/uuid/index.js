'use strict';
// uuid, for scenarios: deterministic ids that the comparison recognises as generated
// (`#uuid1`, `#uuid2`, ... in order of appearance), so a retry that draws a new one is no difference.
let counter = 0;
const next = () => `00000000-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`;
module.exports = { v4: next, v1: next, v7: next, validate: (s) => /^[0-9a-f-]{36}$/i.test(String(s)) };
