import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument, Types } from 'mongoose';

@Schema({ timestamps: true })
export class Activity {
  @Prop({ type: Types.ObjectId, required: true })
  user!: Types.ObjectId;

  @Prop({ required: true })
  kind!: string;
}

export type ActivityDocument = HydratedDocument<Activity>;
export const ActivitySchema = SchemaFactory.createForClass(Activity);
