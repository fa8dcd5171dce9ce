import nodemailer from "nodemailer";

const transporter = nodemailer.createTransport({ host: "smtp.example.com", port: 587 });

const confirmShipment = async (email, sku, units) => {
  await transporter.sendMail({ to: email, subject: "Shipment opened", text: `${units} x ${sku}` });
};

export default { confirmShipment };
