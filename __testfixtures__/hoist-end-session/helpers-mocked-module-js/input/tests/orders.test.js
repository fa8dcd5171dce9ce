const mongoose = require("mongoose");
const Order = require("../models/order");
const { placeOrder } = require("../controllers/orders");
const { abortAndEnd, commitAndEnd } = require("../utils/transaction");

jest.mock("../utils/transaction");

const session = { startTransaction: jest.fn(), commitTransaction: jest.fn(), abortTransaction: jest.fn(), endSession: jest.fn() };
const res = () => ({ status: jest.fn().mockReturnThis(), json: jest.fn() });

beforeEach(() => {
  jest.clearAllMocks();
  mongoose.startSession = jest.fn().mockResolvedValue(session);
  commitAndEnd.mockResolvedValue();
  abortAndEnd.mockResolvedValue();
});

test("placeOrder commits and answers 201", async () => {
  Order.create = jest.fn().mockResolvedValue([{ customerId: "c1", total: 3 }]);
  const response = res();
  await placeOrder({ body: { customerId: "c1", total: 3 } }, response, jest.fn());
  expect(commitAndEnd).toHaveBeenCalledWith(session);
  expect(response.status).toHaveBeenCalledWith(201);
});

test("placeOrder aborts and passes the error on", async () => {
  Order.create = jest.fn().mockRejectedValue(new Error("invalid"));
  const next = jest.fn();
  await placeOrder({ body: {} }, res(), next);
  expect(abortAndEnd.mock.calls[0][0]).toBe(session);
  expect(next).toHaveBeenCalled();
});
