const mongoose = require('mongoose');
const Visit = require('../../models/visit.model');

// The session's promise is kept and awaited wherever the session is used.

const cancelVisit = async (req, res) => {
  const session = mongoose.startSession();
  (await session).startTransaction();
  try {
    const visit = await Visit.findById(req.params.id).session(await session);
    if (!visit) {
      res.status(404).json({ message: 'Visit not found' });
      return;
    }
    await Visit.deleteOne({ _id: visit._id }, { session: await session });
    await (await session).commitTransaction();
    res.status(200).json({ message: 'Visit cancelled' });
  } catch (error) {
    await (await session).abortTransaction();
    res.status(500).json({ message: error.message });
  } finally {
    await (await session).endSession();
  }
};

module.exports = cancelVisit;
