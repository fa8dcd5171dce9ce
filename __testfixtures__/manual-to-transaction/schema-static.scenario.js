const submit = (model, form, submitter) => (ctx) => model(ctx.exports).saveIfSubmitterIsNew(form, submitter, ['yes']);
const seed = { Submission: [{ form: 'survey', submitterId: 'bob', answers: ['no'] }] };

const js = {
  seed,
  paths: {
    normal: [submit((exports) => exports, 'survey', 'ann')],
    'already submitted': [submit((exports) => exports, 'survey', 'bob')],
  },
};

const ts = {
  seed,
  paths: {
    normal: [submit((exports) => exports.Submissions, 'survey', 'ann')],
    'already submitted': [submit((exports) => exports.Submissions, 'survey', 'bob')],
  },
};

module.exports = { js, ts };
