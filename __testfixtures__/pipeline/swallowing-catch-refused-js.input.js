const mongoose = require('mongoose');

class AuthService {
  constructor(dataSource) {
    this.dataSource = dataSource;
  }

  // The catch swallows the error; the body runs a transaction of another database. The reason
  // given is that call, in the run that also guards the abort.
  async verifyEmail(account, verification) {
    const transactionSession = await mongoose.connection.startSession();
    transactionSession.startTransaction();

    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.save(account);
        await manager.save(verification);
      });
      await transactionSession.commitTransaction();
    } catch (e) {
      await transactionSession.abortTransaction();
    } finally {
      await transactionSession.endSession();
    }
  }
}

module.exports = { AuthService };
