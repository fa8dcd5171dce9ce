const model = require('../models/purchases');
const PurchasesDetail = require('../models/purchasesDetails');

// Mongoose 5: session.withTransaction() with endSession() in a finally is already the form this
// version wants (its transaction() never ends the session), so there is nothing to convert or say.
const createPurchase = async (req, res) => {
  let created;
  const session = await model.startSession();
  try {
    await session.withTransaction(async () => {
      created = await model.create([req.body], { session });
      for (const line of req.body.lines) {
        await PurchasesDetail.create([{ ...line, purchaseId: created[0]._id }], { session });
      }
    });
  } catch (error) {
    console.log(error);
    return res.status(422).json({ error: 'purchase failed' });
  } finally {
    session.endSession();
  }
  return res.status(200).json(created[0]);
};

module.exports = { createPurchase };
