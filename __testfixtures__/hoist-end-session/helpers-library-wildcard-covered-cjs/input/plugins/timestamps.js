module.exports = function timestamps(schema) {
  schema.add({ postedAt: { type: Date, default: Date.now } });
};
