import mongoose from "mongoose";

const shipmentSchema = new mongoose.Schema({
  sku: String,
  units: Number,
  state: String,
});

export default mongoose.model("Shipment", shipmentSchema);
