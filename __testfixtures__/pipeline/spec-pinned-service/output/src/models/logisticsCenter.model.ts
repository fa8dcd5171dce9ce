import mongoose, { Schema } from 'mongoose';

const LogisticsCenterSchema = new Schema({
  logisticName: String,
  employeeIds: [{ type: Schema.Types.ObjectId }],
});

export const LogisticsCenter = mongoose.model('LogisticsCenter', LogisticsCenterSchema);
export default LogisticsCenter;
