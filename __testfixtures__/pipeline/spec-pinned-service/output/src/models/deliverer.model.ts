import mongoose, { Schema } from 'mongoose';

const DelivererSchema = new Schema({
  user: { type: Schema.Types.ObjectId, required: true },
  name: String,
  logisticCenterIds: [{ type: Schema.Types.ObjectId }],
});

export const Deliverer = mongoose.model('Deliverer', DelivererSchema);
export default Deliverer;
