import express from 'express';
import { createRole, listRoles } from './controllers/roleController.js';

const app = express();
app.use(express.json());
app.post('/roles', createRole);
app.get('/roles', listRoles);
app.listen(3000);
