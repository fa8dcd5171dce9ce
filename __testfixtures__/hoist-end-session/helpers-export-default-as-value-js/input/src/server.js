import express from 'express';
import { createRole, listRoles } from './controllers/roleController.js';
import handleError from './utils/handleError.js';

const app = express();
app.use(express.json());
app.post('/roles', createRole);
app.get('/roles', listRoles);
// The error handler is handed to Express: what it is called with cannot be listed.
app.use((err, req, res, next) => handleError(res, err));
const onFatal = [handleError];
onFatal.forEach((handle) => process.on('unhandledRejection', (err) => handle({ status: () => ({ json: () => {} }) }, err)));
setTimeout(handleError, 0, { status: () => ({ json: () => {} }) }, new Error('startup check'));
app.listen(3000);
