const mongoose = require('mongoose');
const { reportsDb } = require('../db');

const reportSchema = new mongoose.Schema({ title: String, body: String, status: String, publishedBy: String });

module.exports = reportsDb.model('Report', reportSchema);
