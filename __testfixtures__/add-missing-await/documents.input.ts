import mongoose, { Schema, model } from 'mongoose';

const Invoice = model('Invoice', new Schema({ number: String, paid: Boolean }));

export async function pay(id: string) {
  await mongoose.connection.transaction(async (session) => {
    // Loaded with the session: save() uses it even without a session argument.
    const invoice = await Invoice.findById(id).session(session);
    if (!invoice) throw new Error('not found');
    invoice.paid = true;
    invoice.save();
    // A document created here has no session: without AsyncLocalStorage it is written outside
    // the transaction. It is awaited all the same (a floating save outlives the callback) and
    // reported, so a reviewer decides whether it should carry the session.
    const receipt = new Invoice({ number: `R-${id}` });
    receipt.save();
  });
}
