'use strict';
// uuid, for scenarios: the run's deterministic uuids (shared with crypto.randomUUID), which the
// comparison names `#uuid1`, `#uuid2`, ... in order of appearance, so a retry that draws a new one
// is no difference.
const next = () => globalThis.__txsimScenario.uuid();
module.exports = { v4: next, v1: next, v7: next, validate: (s) => /^[0-9a-f-]{36}$/i.test(String(s)) };
