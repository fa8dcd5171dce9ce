'use strict';
// short-uuid, for scenarios: generate() draws the run's next deterministic uuid, as the uuid stub does.
const next = () => globalThis.__txsimScenario.uuid();
const translator = () => ({ generate: next, new: next, uuid: next });
module.exports = Object.assign(translator, { generate: next, uuid: next });
