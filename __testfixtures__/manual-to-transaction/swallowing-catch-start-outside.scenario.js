const logger = () => ({ info: (...args) => console.log('info', ...args), error: (message) => console.log('error', message) });
const video = (mongoose) => mongoose.model('Video', new mongoose.Schema({ youtube_id: String, status: String, hidden: Boolean }));
const wishlist = (mongoose) => mongoose.model('WishList', new mongoose.Schema({ youtube_id: String, status: String }));
const all = (id) => ['markVideoUnavailable', 'restoreVideo', 'archiveVideo', 'hideVideo', 'unhideVideo'].map((call) => ({ call, args: [id] }));

module.exports = {
  modules: { '../utils/logger': logger, '../models/video': video, '../models/wishlist': wishlist },
  seed: {
    Video: [{ youtube_id: 'abc', status: 'available', hidden: false }],
    WishList: [{ youtube_id: 'abc', status: 'active' }],
  },
  paths: {
    normal: all('abc'),
    'unknown video': all('zzz'),
  },
};
