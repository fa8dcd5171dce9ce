const mongoose = require('mongoose');
const db = require('../db');

const snapshotSchema = new mongoose.Schema({ report: mongoose.Schema.Types.ObjectId, body: String });

exports.snapshots = db.reportsDb.model('Snapshot', snapshotSchema);
