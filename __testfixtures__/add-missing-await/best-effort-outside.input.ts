import { ClientSession, Connection, Model } from 'mongoose';
import { ChatMessage, ChatRoom } from '../models/chat';

export class ContactService {
  constructor(
    private readonly connection: Connection,
    private readonly messages: Model<ChatMessage>,
    private readonly rooms: Model<ChatRoom>,
  ) {}

  async createMessage(email: string, text: string): Promise<ChatMessage> {
    return this.connection.transaction(async (session: ClientSession) => {
      const [created] = await this.messages.create([{ email, text }], { session });

      // Best effort: the room's list of messages is rebuilt nightly anyway.
      this.rooms
        .updateOne({ email }, { $push: { messages: created._id } })
        .catch((error) => {
          console.error('Failed to add message to contact room:', error);
        });

      return created;
    });
  }
}
