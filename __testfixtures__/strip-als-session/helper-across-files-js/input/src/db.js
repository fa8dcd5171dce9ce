const mongoose = require('mongoose');

mongoose.set('transactionAsyncLocalStorage', true);

module.exports = mongoose;
