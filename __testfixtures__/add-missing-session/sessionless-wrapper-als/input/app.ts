import express from 'express';
import mongoose from 'mongoose';
import { move, transfer } from './controllers/wallet';

mongoose.set('transactionAsyncLocalStorage', true);

export const app = express();
app.post('/transfer', transfer);
app.post('/move', move);
