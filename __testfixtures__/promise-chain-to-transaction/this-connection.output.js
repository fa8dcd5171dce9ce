// A plain-JavaScript service that keeps its connection on `this`.
class PointsService {
  constructor(connection, points) {
    this.connection = connection;
    this.points = points;
  }

  async award(userId, amount) {
    await this.connection.transaction(async (session) => {
      await this.points.updateOne({ userId }, { $inc: { amount } }, { session, upsert: true });
    });
  }
}

module.exports = { PointsService };
