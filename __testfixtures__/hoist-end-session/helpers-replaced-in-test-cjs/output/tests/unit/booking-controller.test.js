const bookingController = require("../../controllers/booking-controller");
const Booking = require("../../models/booking");
const transactionHelper = require("../../services/util/transaction-helper");

function setUpMocks() {
  Booking.create = jest.fn().mockReturnValue([{ _id: "B1" }]);
  transactionHelper.startTransaction = jest.fn().mockReturnValue({});
  transactionHelper.commitTransaction = jest.fn().mockReturnValue({});
  transactionHelper.abortTransaction = jest.fn().mockReturnValue({});
}

test("createBooking commits", async () => {
  setUpMocks();
  const res = { json: jest.fn(), status: jest.fn().mockReturnThis() };
  await bookingController.createBooking({ body: { pet: "P1", days: 2 } }, res);
  expect(transactionHelper.startTransaction).toHaveBeenCalled();
  expect(transactionHelper.commitTransaction).toHaveBeenCalled();
  expect(transactionHelper.abortTransaction).not.toHaveBeenCalled();
});
