exports.notifyWarehouse = (cart) => console.log('reserved', cart.items.length);
