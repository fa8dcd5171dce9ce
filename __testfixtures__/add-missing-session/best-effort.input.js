const mongoose = require('mongoose');
const Message = require('../models/message');
const Room = require('../models/room');
const Stat = require('../models/stat');

const logger = console;

// A chat service: the message is saved in the transaction; adding it to the room and counting it
// are best-effort, their failures logged and passed over, so they stay outside it.
exports.post = async (email, text) => {
  return mongoose.connection.transaction(async (session) => {
    const [message] = await Message.create([{ email, text }], { session });

    Room.updateOne({ email }, { $push: { messages: message._id } }).catch((error) => {
      logger.error('could not add the message to its room', error);
    });

    try {
      await Stat.updateOne({ day: new Date().toDateString() }, { $inc: { messages: 1 } }, { upsert: true });
    } catch (error) {
      logger.warn('could not count the message', error);
    }

    return message;
  });
};

// The try guards the transaction's own work (it uses the session): the write without it is a
// forgotten session, not a best-effort one.
exports.edit = async (id, text) => {
  const session = await mongoose.startSession();
  try {
    await session.withTransaction(async () => {
      try {
        const message = await Message.findByIdAndUpdate(id, { $set: { text } }, { new: true, session });
        await Room.updateOne({ email: message.email }, { $set: { editedAt: new Date() } });
      } catch (error) {
        logger.error('edit failed', error);
      }
    });
  } finally {
    await session.endSession();
  }
};
