export const config = {
  analyticsUri: process.env.ANALYTICS_URI ?? 'mongodb://localhost:27017/analytics',
};
