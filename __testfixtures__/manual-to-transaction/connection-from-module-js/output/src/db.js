const mongoose = require('mongoose');

// Reports live in their own database, on a connection of their own.
const reportsDb = mongoose.createConnection(process.env.REPORTS_URI);

module.exports = { reportsDb };
