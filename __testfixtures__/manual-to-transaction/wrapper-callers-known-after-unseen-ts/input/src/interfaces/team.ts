import { ClientSession, Types } from 'mongoose';

export interface ITeamService {
  recordResult(teamId: Types.ObjectId, scored: number, conceded: number, session: ClientSession): Promise<void>;
  revertResult(teamId: Types.ObjectId, scored: number, conceded: number, session: ClientSession): Promise<void>;
}
