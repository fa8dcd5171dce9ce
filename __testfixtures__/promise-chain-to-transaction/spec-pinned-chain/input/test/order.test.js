'use strict';

const assert = require('assert');
const sinon = require('sinon');
const { Order, payOrders } = require('../lib/order');

describe('payOrders', function() {
  afterEach(() => sinon.restore());

  it('pays every open order in one transaction', async function() {
    const session = {
      startTransaction: sinon.stub(),
      commitTransaction: sinon.stub().resolves(),
      endSession: sinon.stub(),
    };
    sinon.stub(Order, 'startSession').resolves(session);
    const update = sinon.stub(Order, 'updateMany').resolves({ modifiedCount: 2 });

    await payOrders('ann');

    sinon.assert.calledWith(update, { customer: 'ann', status: 'open' }, { status: 'paid' }, { session });
    sinon.assert.calledOnce(session.commitTransaction);
    assert.ok(session.endSession.calledOnce);
  });
});
