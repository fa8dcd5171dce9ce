// CommonJS-style TypeScript for the ESTree adapter's test.
import mongoose = require('mongoose');
import Types = mongoose.Types;
export import Alias = mongoose.Schema;
const id: Types.ObjectId = new mongoose.Types.ObjectId();
export = { id, Alias };
