module.exports = {
  modules: {
    '../models/invoice': (mongoose) => ({ Invoice: mongoose.model('Invoice', new mongoose.Schema({ status: String, email: String })) }),
    '../lib/mailer': (mongoose, { effect }) => ({ mailer: { send: async (to, subject) => effect('mail', to, subject) } }),
  },
  seed: { Invoice: [{ _id: 'inv1', status: 'sent', email: 'ann@x.test' }] },
  paths: {
    normal: [{ call: 'voidInvoice', args: ({ id }) => [id('inv1')] }],
    'send it': [{ call: 'sendInvoice', args: ({ id }) => [id('inv1')] }],
  },
};
