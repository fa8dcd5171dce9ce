import mongoose, { Schema, model } from 'mongoose';

const Invoice = model('Invoice', new Schema({ number: String, paid: Boolean }));

// With transactionAsyncLocalStorage on, every Mongoose operation inside transaction() joins
// it, so session-less ones must finish before the commit too.
export async function pay(id: string) {
  await mongoose.connection.transaction(async () => {
    const invoice = await Invoice.findById(id);
    if (!invoice) throw new Error('not found');
    invoice.paid = true;
    await invoice.save();
    const receipt = new Invoice({ number: `R-${id}` });
    await receipt.save();
    await Invoice.create([{ number: `L-${id}` }]);
  });
}
