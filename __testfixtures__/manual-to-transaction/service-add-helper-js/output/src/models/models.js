import mongoose from "mongoose"

export const Product = mongoose.model("Product", new mongoose.Schema({ name: String, stock: Number }))
export const Movement = mongoose.model("Movement", new mongoose.Schema({ product: String, change: Number }))
export const Sale = mongoose.model("Sale", new mongoose.Schema({ items: Array }))
