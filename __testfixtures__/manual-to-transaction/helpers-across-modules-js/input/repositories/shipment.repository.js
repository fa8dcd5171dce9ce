import Shipment from '../models/Shipment.js'

const openShipment = (data, session) => {
  return Shipment.create([data], { session });
};

export default {openShipment}
