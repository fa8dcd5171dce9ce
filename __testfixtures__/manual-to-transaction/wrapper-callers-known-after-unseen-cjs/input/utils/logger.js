module.exports = { info: console.log, error: console.error };
