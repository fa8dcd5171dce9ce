const mongoose = require('mongoose');

exports.connect = (url) => mongoose.connect(url);

exports.getTxSession = () => mongoose.startSession();
