const { id } = require('../../test/harness/simulation/kit');

const lostWrites = 'the input commits before the forEach writes it never awaited: some are lost (failed on the finished transaction); the output awaits each one';

module.exports = {
  seed: { Doc: [{ _id: 'd1', title: 'one', archived: false }, { _id: 'd2', title: 'two', archived: false }, { _id: 'd3', title: 'three', archived: false }] },
  paths: {
    normal: [{ call: 'archive', args: [[id('d1'), id('d3')]] }],
  },
  differences: {
    normal: { data: lostWrites },
    'commit-fails': { data: lostWrites },
    'transient-commit': { data: lostWrites },
  },
};
