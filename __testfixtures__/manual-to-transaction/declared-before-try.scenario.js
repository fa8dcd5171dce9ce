const js = {
  modules: {
    '../models/product': (mongoose) => mongoose.model('Product', new mongoose.Schema({ sku: { type: String, required: true }, price: { type: Number, min: 0 } })),
    '../models/import-log': (mongoose) => mongoose.model('ImportLog', new mongoose.Schema({ user: String, count: Number, startedAt: Date })),
  },
  paths: {
    normal: [{ call: 'importProducts', args: [[{ sku: 'pen', price: 2 }, { sku: 'ink', price: 5 }], 'ann'] }],
    'invalid row': [{ call: 'importProducts', args: [[{ sku: 'pen', price: 2 }, { price: -1 }], 'ann'] }],
  },
};

const enroll = (code, students) => ({
  call: 'EnrollmentService#enrollAll',
  construct: ({ mongoose, model }) => [mongoose.connection, model('Enrollment'), model('Course')],
  args: [code, students],
});

const ts = {
  setup: ({ mongoose }) => {
    mongoose.model('Enrollment', new mongoose.Schema({ course: String, student: String }));
    mongoose.model('Course', new mongoose.Schema({ code: String, seats: Number }));
  },
  seed: { Course: [{ code: 'db101', seats: 2 }] },
  paths: {
    normal: [enroll('db101', ['ann', 'bob'])],
    'course full': [enroll('db101', ['ann', 'bob', 'carl'])],
  },
};

module.exports = { js, ts };
