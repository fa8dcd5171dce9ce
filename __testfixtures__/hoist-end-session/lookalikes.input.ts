import type { Request, Response } from 'express';
import { Sequelize, Transaction } from 'sequelize';

const sequelize = new Sequelize('postgres://localhost/db');

interface GameServer {
  startSession(player: string): Promise<GameSession>;
}

interface GameSession {
  play(move: string): Promise<void>;
  endSession(): void;
}

// A game server whose sessions have startSession()/endSession() but are not MongoDB sessions.
export async function playOnce(server: GameServer, player: string, move: string) {
  const session = await server.startSession(player);
  try {
    await session.play(move);
    session.endSession();
  } catch (error) {
    session.endSession();
    throw error;
  }
}

// express-session in a typed controller.
export function logout(req: Request & { session: { destroy(cb: () => void): void } }, res: Response) {
  req.session.destroy(() => res.redirect('/'));
}

// A Sequelize managed transaction: it ends itself.
export async function rename(id: number, name: string) {
  await sequelize.transaction(async (t: Transaction) => {
    await sequelize.query('UPDATE users SET name = ? WHERE id = ?', { replacements: [name, id], transaction: t });
  });
}
