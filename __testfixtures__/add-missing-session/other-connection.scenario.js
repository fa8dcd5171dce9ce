module.exports = {
  modules: {
    './schemas': (mongoose) => ({
      orderSchema: new mongoose.Schema({ customer: String, day: String, visited: Boolean }),
      pageViewSchema: new mongoose.Schema({ page: String, at: Date, order: mongoose.Schema.Types.ObjectId }),
      dailyReportSchema: new mongoose.Schema({ day: String, orders: Number }),
    }),
  },
  seed: {},
  // The page view stays outside (another client: reported, not changed), so a retried transaction
  // still records it twice; the daily report's $inc, now in the transaction, no longer counts twice.
  differences: {
    'commit-fails': { data: 'the failed commit now undoes the daily report update too, which ran outside the transaction before' },
    'transient-commit': { data: 'the retried transaction no longer counts the order twice in the daily report' },
  },
  paths: {
    normal: [{ call: 'placeOrder', args: [{ customer: 'ann', day: 'mon' }] }],
    'visit on the analytics connection': [{ call: 'trackVisit', args: [{ page: 'home', at: null }] }],
  },
};
