const { id, req, res } = require('../../test/harness/simulation/kit');

const enroll = (course, student) => ({ call: 'enroll', args: [req({ params: { courseId: id(course) }, user: { id: student } }), res()] });

const js = {
  modules: {
    '../models/enrollment': (mongoose) =>
      mongoose.model('Enrollment', new mongoose.Schema({ course: mongoose.Schema.Types.ObjectId, student: { type: String, required: true } })),
    '../models/course': (mongoose) => mongoose.model('Course', new mongoose.Schema({ title: String, seats: Number })),
  },
  seed: { Course: [{ _id: 'math', title: 'math', seats: 3 }] },
  paths: {
    normal: [enroll('math', 'ann')],
    'no student': [enroll('math', '')],
  },
};

module.exports = { js };
