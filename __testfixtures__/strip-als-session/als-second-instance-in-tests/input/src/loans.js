const mongoose = require('mongoose');
const Book = require('./models/book');
const Loan = require('./models/loan');

// Application code on the default connection: AsyncLocalStorage is not on for it, so every
// operation must keep passing the session to stay in the transaction.
async function returnBooks(loanId) {
  await mongoose.connection.transaction(async (session) => {
    const loan = await Loan.findById(loanId).session(session);
    const books = await Book.find({ _id: { $in: loan.books } }).session(session);
    for (const book of books) book.available = true;
    await Book.bulkSave(books, { session });
    await loan.deleteOne({ session });
  });
}

module.exports = { returnBooks };
