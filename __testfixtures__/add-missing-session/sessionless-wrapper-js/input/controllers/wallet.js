const Wallet = require('../models/wallet');
const Transfer = require('../models/transfer');
const { runInTransaction, retrying, readConsistently } = require('../utils/transaction');
const ledger = require('../services/ledger');

exports.transfer = async (req, res) => {
  const { from, to, amount } = req.body;
  await runInTransaction(async () => {
    await Wallet.updateOne({ owner: from }, { $inc: { balance: -amount } });
    await Wallet.updateOne({ owner: to }, { $inc: { balance: amount } });
    await Transfer.create([{ from, to, amount }]);
  });
  res.json({ ok: true });
};

exports.refund = async (req, res) => {
  const transfer = await Transfer.findById(req.params.id);
  if (!transfer) return res.status(404).json({ error: 'not found' });
  await retrying(async () => {
    await Wallet.updateOne({ owner: transfer.to }, { $inc: { balance: -transfer.amount } });
    await Wallet.updateOne({ owner: transfer.from }, { $inc: { balance: transfer.amount } });
    await transfer.deleteOne();
  });
  return res.json({ ok: true });
};

exports.balances = async (req, res) => {
  const wallets = await readConsistently(() => Wallet.find({ owner: { $in: req.query.owners } }));
  res.json(wallets);
};

exports.pay = async (req, res) => {
  const { from, to, amount } = req.body;
  await runInTransaction(async () => {
    const previous = await ledger.lastEntry(from);
    if (previous && previous.to === to && previous.amount === amount) throw new Error('duplicate payment');
    await ledger.recordEntry(from, to, amount);
  });
  res.json({ ok: true });
};

exports.record = async (req, res) => {
  const execute = async () => {
    const model = new Transfer(req.body);
    const saved = await model.save();
    return saved;
  };
  const saved = await runInTransaction(execute);
  res.status(201).json(saved);
};
