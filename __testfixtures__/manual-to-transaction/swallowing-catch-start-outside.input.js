const logger = require('../utils/logger');
const Video = require('../models/video');
const WishList = require('../models/wishlist');

// Marks a video unavailable everywhere; failures are collected in the stats, not thrown.
exports.markVideoUnavailable = async (youtubeId) => {
  const stats = { videoId: youtubeId, updatedCollections: [], errors: [] };

  const session = await Video.startSession();

  try {
    await session.withTransaction(async () => {
      const video = await Video.updateOne({ youtube_id: youtubeId }, { $set: { status: 'unavailable' } }, { session });
      if (video.modifiedCount > 0) stats.updatedCollections.push('videos');
      const wishes = await WishList.updateMany({ youtube_id: youtubeId }, { $set: { status: 'removed' } }, { session });
      if (wishes.modifiedCount > 0) stats.updatedCollections.push('wishlist');
    });
    logger.info(`Video ${youtubeId} marked unavailable`);
  } catch (error) {
    stats.errors.push(`Transaction failed: ${error.message}`);
    logger.error(`Failed to mark ${youtubeId} unavailable`, error);
  } finally {
    await session.endSession();
  }

  return stats;
};

// The same with startTransaction(): the catch records the failure and returns normally.
exports.restoreVideo = async (youtubeId) => {
  const result = { ok: true, errors: [] };
  const session = await Video.startSession();
  session.startTransaction();
  try {
    await Video.updateOne({ youtube_id: youtubeId }, { $set: { status: 'available' } }, { session });
    await WishList.updateMany({ youtube_id: youtubeId }, { $set: { status: 'active' } }, { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    result.ok = false;
    result.errors.push(error.message);
  } finally {
    await session.endSession();
  }
  return result;
};

// The catch logs and rethrows: a failed start still fails the call, so this converts.
exports.archiveVideo = async (youtubeId) => {
  const session = await Video.startSession();
  session.startTransaction();
  try {
    await Video.updateOne({ youtube_id: youtubeId }, { $set: { status: 'archived' } }, { session });
    await session.commitTransaction();
  } catch (error) {
    await session.abortTransaction();
    logger.error(`Transaction aborted - archiveVideo: ${error.message}`);
    throw error;
  } finally {
    await session.endSession();
  }
};

// The catch rethrows only on one path: on the other a failed start would be swallowed.
exports.hideVideo = async (youtubeId, strict) => {
  const session = await Video.startSession();
  session.startTransaction();
  try {
    await Video.updateOne({ youtube_id: youtubeId }, { $set: { hidden: true } }, { session });
    await session.commitTransaction();
    return true;
  } catch (error) {
    await session.abortTransaction();
    if (strict) throw error;
    logger.error(`hideVideo failed: ${error.message}`);
    return false;
  } finally {
    await session.endSession();
  }
};

// The session is started inside the try: its failure already reached this catch, so this converts.
exports.unhideVideo = async (youtubeId) => {
  let session;
  try {
    session = await Video.startSession();
    session.startTransaction();
    await Video.updateOne({ youtube_id: youtubeId }, { $set: { hidden: false } }, { session });
    await session.commitTransaction();
    return true;
  } catch (error) {
    if (session) await session.abortTransaction();
    logger.error(`unhideVideo failed: ${error.message}`);
    return false;
  } finally {
    if (session) await session.endSession();
  }
};
