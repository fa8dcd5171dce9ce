import mongoose from "mongoose"
import { Product, Sale } from "../models/models.js"
import movementService from "./movement-service.js"

const sell = async (items) => {
  const session = await mongoose.startSession()
  session.startTransaction()

  try {
    const sale = new Sale({ items })
    await sale.save({ session })

    for (const item of items) {
      const product = await Product.findOneAndUpdate({ _id: item.id }, { $inc: { stock: -item.quantity } }).session(session)
      await movementService.add({ session, product, change: -item.quantity })
    }

    await session.commitTransaction()
    session.endSession()

    return sale
  } catch (error) {
    await session.abortTransaction()
    session.endSession()
    throw error
  }
}

const audit = new Set()

const track = async (items) => {
  const session = await mongoose.startSession()
  session.startTransaction()

  try {
    audit.add(session)
    const sale = new Sale({ items })
    await sale.save({ session })
    await session.commitTransaction()
    return sale
  } catch (error) {
    await session.abortTransaction()
    throw error
  } finally {
    await session.endSession()
  }
}

export default { sell, track }
