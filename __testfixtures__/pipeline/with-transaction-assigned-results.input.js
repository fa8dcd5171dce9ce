const db = require('../middleware/db');
const model = require('../models/purchase');
const PurchaseDetail = require('../models/purchaseDetail');

// The purchase and one detail row per product, in one transaction; the rows' payloads are answered.
const create = async (req, res) => {
  try {
    const products = req.body.products;
    let createdPurchase, purchasedProducts;
    const session = await model.startSession();
    try {
      await session.withTransaction(async () => {
        createdPurchase = await db.createItem(req.body, model, session);
        for (const product of products) {
          product.purchaseId = createdPurchase._id;
        }
        purchasedProducts = await Promise.all(
          products.map((product) =>
            db.createItem(product, PurchaseDetail, session)
          )
        );
      });
    } finally {
      session.endSession();
    }
    res.status(200).json({ ok: true, payload: { products: purchasedProducts, purchase: createdPurchase } });
  } catch (error) {
    res.status(422).json({ ok: false, message: error.message });
  }
};

module.exports = { create };
