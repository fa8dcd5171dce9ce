import { Schema, model } from 'mongoose';
import { logger } from '../utils/logger';

interface Video {
  youtube_id: string;
  youtube_status: string;
}

interface WishList {
  youtube_id: string;
  status: string;
}

const VideoModel = model<Video>('Video', new Schema<Video>({ youtube_id: String, youtube_status: String }));
const WishListModel = model<WishList>('WishList', new Schema<WishList>({ youtube_id: String, status: String }));

interface VideoStatusUpdateStats {
  videoId: string;
  updatedCollections: string[];
  errors: string[];
}

// Failures are collected in the stats, not thrown: a failed startSession() must still throw.
export const markVideoUnavailable = async (youtubeId: string): Promise<VideoStatusUpdateStats> => {
  const stats: VideoStatusUpdateStats = { videoId: youtubeId, updatedCollections: [], errors: [] };

  const session = await VideoModel.startSession();

  try {
    await session.withTransaction(async () => {
      const video = await VideoModel.updateOne({ youtube_id: youtubeId }, { $set: { youtube_status: 'unavailable' } }, { session });
      if (video.modifiedCount > 0) stats.updatedCollections.push('videos');
      const wishes = await WishListModel.updateMany({ youtube_id: youtubeId }, { $set: { status: 'removed' } }, { session });
      if (wishes.modifiedCount > 0) stats.updatedCollections.push('wishlist');
    });
    logger.info(`Video ${youtubeId} marked unavailable`);
  } catch (error: any) {
    stats.errors.push(`Transaction failed: ${error.message}`);
    logger.error(`Failed to mark ${youtubeId} unavailable`, error);
  } finally {
    await session.endSession();
  }

  return stats;
};

// The catch logs and rethrows: a failed start still fails the call.
export const archiveVideo = async (youtubeId: string): Promise<void> => {
  try {
    await VideoModel.db.transaction(async (session) => {
      await VideoModel.updateOne({ youtube_id: youtubeId }, { $set: { youtube_status: 'archived' } }, { session });
    });
  } catch (error: any) {
    logger.error(`Transaction aborted - archiveVideo: ${error.message}`);
    throw error;
  }
};
