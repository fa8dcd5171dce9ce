const { Ledger } = require('../models');

// Used inside transactions and out of them: without a session the entry is written on its own.
exports.record = async (entry, session) => {
  if (session) {
    const [saved] = await Ledger.create([entry], { session });
    return saved;
  }
  return Ledger.create(entry);
};
