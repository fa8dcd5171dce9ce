import mongoose from "mongoose";

const stockSchema = new mongoose.Schema({
  sku: { type: String, required: true, unique: true },
  available: { type: Number, min: 0 },
});

export default mongoose.model("Stock", stockSchema);
