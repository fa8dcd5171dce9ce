const createReturn = (saleId, items) => ({ call: 'createReturn', args: ({ id }) => [saleId && id(saleId), items.map(([product, quantity]) => ({ product: id(product), quantity }))] });

const js = {
  modules: {
    '../models/saleModel': (mongoose) => mongoose.model('Sale', new mongoose.Schema({ total: Number })),
    '../models/productModel': (mongoose) => mongoose.model('Product', new mongoose.Schema({ name: String, stock: Number })),
    '../models/returnModel': (mongoose) => mongoose.model('Return', new mongoose.Schema({ sale: mongoose.Schema.Types.ObjectId, items: [Object] })),
  },
  seed: {
    Sale: [{ _id: 'sale-1', total: 30 }],
    Product: [{ _id: 'pen', name: 'pen', stock: 5 }, { _id: 'ink', name: 'ink', stock: 1 }],
  },
  paths: {
    normal: [createReturn('sale-1', [['pen', 2], ['ink', 1]])],
    'no items': [createReturn('sale-1', [])],
    'no such sale': [createReturn('sale-2', [['pen', 1]])],
    // The loop has written before the check returns: both discard the writes.
    'too many items': [createReturn('sale-1', [['pen', 2], ['ink', 11]])],
  },
};

const cancel = (bookingId) => ({
  call: 'BookingsService#cancel',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Booking'), model('Seat')],
  args: ({ id }) => [id(bookingId)],
});

const ts = {
  setup: ({ mongoose }) => {
    mongoose.model('Booking', new mongoose.Schema({ status: String, seat: mongoose.Schema.Types.ObjectId }));
    mongoose.model('Seat', new mongoose.Schema({ taken: Boolean }));
  },
  seed: {
    Seat: [{ _id: 'a1', taken: true }, { _id: 'a2', taken: true }],
    Booking: [{ _id: 'b1', status: 'active', seat: 'a1' }, { _id: 'b2', status: 'cancelled', seat: 'a2' }],
  },
  paths: {
    normal: [cancel('b1')],
    'already cancelled': [cancel('b2')],
    'no such booking': [cancel('b3')],
  },
};

module.exports = { js, ts };
