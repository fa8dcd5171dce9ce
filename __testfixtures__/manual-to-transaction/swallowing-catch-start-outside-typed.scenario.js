module.exports = {
  ts: {
    modules: {
      '../utils/logger': () => ({ logger: { info: (...args) => console.log('info', ...args), error: (message) => console.log('error', message) } }),
    },
    seed: { Video: [{ youtube_id: 'abc', youtube_status: 'available' }], WishList: [{ youtube_id: 'abc', status: 'active' }] },
    paths: {
      normal: [{ call: 'markVideoUnavailable', args: ['abc'] }, { call: 'archiveVideo', args: ['abc'] }],
      'unknown video': [{ call: 'archiveVideo', args: ['zzz'] }],
    },
  },
};
