module.exports = {
  modules: {
    './payment.model': (mongoose) =>
      mongoose.model('Payment', new mongoose.Schema({ transactionId: String, status: String, booking: mongoose.Schema.Types.ObjectId })),
    './booking.model': (mongoose) => mongoose.model('Booking', new mongoose.Schema({ status: String })),
  },
  seed: {
    Booking: [{ _id: 'b1', status: 'PENDING' }],
    Payment: [{ _id: 'p1', transactionId: 'tx-1', status: 'UNPAID', booking: 'b1' }],
  },
  paths: {
    normal: [{ call: 'successPayment', args: ['tx-1'] }],
    'no such payment': [{ call: 'successPayment', args: ['tx-2'] }],
  },
};
