import { Injectable, Logger } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { Connection, Model } from 'mongoose';
import { ChatMessage, ChatMessageDocument } from './schemas/chat-message.schema';
import { ChatRoom, ChatRoomDocument } from './schemas/chat-room.schema';

@Injectable()
export class ContactService {
  private readonly logger = new Logger(ContactService.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(ChatMessage.name) private readonly messageModel: Model<ChatMessageDocument>,
    @InjectModel(ChatRoom.name) private readonly roomModel: Model<ChatRoomDocument>,
  ) {}

  async createMessage(email: string, text: string): Promise<ChatMessageDocument> {
    return this.connection.transaction(async (session) => {
      const [created] = await this.messageModel.create([{ email, text }], { session });

      await this.roomModel
        .updateOne({ email }, { $push: { messages: created._id } })
        .then(
          () => undefined,
          (error: unknown) => this.logger.warn(`room of ${email} not updated: ${String(error)}`),
        );

      await this.roomModel.updateOne({ email }, { $set: { lastMessageAt: new Date() } }, { session });
      return created;
    });
  }
}
