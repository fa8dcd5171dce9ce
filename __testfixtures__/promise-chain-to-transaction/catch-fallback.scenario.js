module.exports = {
  seed: { Coupon: [{ code: 'SPRING', used: false }] },
  paths: {
    normal: [{ call: 'redeem', args: ['SPRING'] }],
    'redeemed twice': [{ call: 'redeem', args: ['SPRING'] }, { call: 'redeem', args: ['SPRING'] }],
  },
};
