import mongoose, { Schema, model } from 'mongoose';

const Cart = model('Cart', new Schema({ owner: String, items: [String], total: Number }));

// Documents loaded with the session remember it and are tracked for rollback through it: when
// they are saved or handed on later, the session on the query stays.
export async function addItem(owner: string, item: string) {
  return mongoose.connection.transaction(async (session) => {
    const cart = await Cart.findOne({ owner }).session(session);
    if (!cart) throw new Error('no cart');
    cart.items.push(item);
    await cart.save();
    const [copy] = await Cart.create([{ owner: `${owner}-copy` }], { session });
    return copy;
  });
}
