module.exports = {
  ts: {
    modules: {
      '../utils/logger': () => ({ logger: { info: (...args) => console.log('info', ...args), error: (message) => console.log('error', message) } }),
      '../models/videos': (mongoose) => ({
        VideoModel: mongoose.model('Video', new mongoose.Schema({ youtube_id: String, youtube_status: String })),
        WishListModel: mongoose.model('WishList', new mongoose.Schema({ youtube_id: String, status: String })),
      }),
    },
    seed: { Video: [{ youtube_id: 'abc', youtube_status: 'available' }], WishList: [{ youtube_id: 'abc', status: 'active' }] },
    paths: {
      normal: [{ call: 'markVideoUnavailable', args: ['abc'] }, { call: 'archiveVideo', args: ['abc'] }],
      'unknown video': [{ call: 'archiveVideo', args: ['zzz'] }],
    },
  },
};
