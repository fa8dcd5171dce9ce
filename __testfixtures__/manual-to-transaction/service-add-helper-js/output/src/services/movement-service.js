import { Movement } from "../models/models.js"

const add = async ({ session, product, change }) => {
  const movement = new Movement({ product: String(product._id), change })
  await movement.save({ session })
}

const movementService = { add }
export default movementService
