import { model, Schema } from 'mongoose';

export interface Section {
  name: string;
}

export default model<Section>('Section', new Schema<Section>({ name: String }));
