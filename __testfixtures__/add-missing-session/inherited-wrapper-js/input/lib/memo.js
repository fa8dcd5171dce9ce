// A look-alike: a base whose transaction() starts nothing, it only queues the work.
class Memo {
  constructor() {
    this.queue = [];
  }

  async transaction(work) {
    this.queue.push(work);
    return work();
  }
}

class PriceMemo extends Memo {
  async refresh(Price, sku) {
    return this.transaction(async () => {
      await Price.updateOne({ sku }, { $set: { refreshedAt: new Date() } });
    });
  }
}

module.exports = { Memo, PriceMemo };
