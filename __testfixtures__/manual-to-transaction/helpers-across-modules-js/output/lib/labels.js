const padSku = (sku) => String(sku).trim().toUpperCase().padStart(8, '0');

function labelFor(sku, units) {
  return `${padSku(sku)}/${units}`;
}

module.exports = { labelFor, padSku };
