const Wallet = require('../models/wallet');
const Transfer = require('../models/transfer');
const { runInTransaction, retrying, readConsistently } = require('../utils/transaction');

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
