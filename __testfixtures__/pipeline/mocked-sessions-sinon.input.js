const { expect } = require('chai');
const sinon = require('sinon');
const mongoose = require('mongoose');
const transferService = require('../services/transfer');

// Mocha and sinon: startSession() is stubbed to resolve to a fake session.
describe('transfer service', () => {
  let fakeSession;

  beforeEach(() => {
    fakeSession = {
      startTransaction: sinon.stub(),
      commitTransaction: sinon.stub().resolves(),
      abortTransaction: sinon.stub().resolves(),
      endSession: sinon.stub(),
    };
    sinon.stub(mongoose, 'startSession').resolves(fakeSession);
  });

  afterEach(() => sinon.restore());

  it('runs the transfer in a session it ends', async () => {
    const session = await mongoose.startSession();
    session.startTransaction();
    await transferService.move('ann', 'bob', 5, session);
    await session.commitTransaction();
    expect(fakeSession.endSession.called).to.equal(false);
  });
});
