import Stock from "../models/Stock.js";

const takeUnits = (sku, units, session) => {
  return Stock.findOneAndUpdate(
    { sku, available: { $gte: units } },
    { $inc: { available: -units } },
    { new: true, session }
  );
};
export default {takeUnits}
