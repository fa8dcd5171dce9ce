// A plain-JavaScript service that keeps its connection on `this`.
class PointsService {
  constructor(connection, points) {
    this.connection = connection;
    this.points = points;
  }

  award(userId, amount) {
    let session;
    return this.connection
      .startSession()
      .then((s) => {
        session = s;
        session.startTransaction();
        return this.points.updateOne({ userId }, { $inc: { amount } }, { session, upsert: true });
      })
      .then(() => session.commitTransaction())
      .then(() => session.endSession());
  }
}

module.exports = { PointsService };
