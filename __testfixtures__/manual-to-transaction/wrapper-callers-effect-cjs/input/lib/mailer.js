const nodemailer = require('nodemailer');

const transport = nodemailer.createTransport({ host: process.env.SMTP_HOST });

exports.sendReturnLabel = (email, orderId) => transport.sendMail({ to: email, subject: `Return label for ${orderId}` });
