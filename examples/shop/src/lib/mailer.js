async function sendReceipt(to, order) {
  console.log(`receipt for order ${order._id} sent to ${to}`);
}

module.exports = { sendReceipt };
