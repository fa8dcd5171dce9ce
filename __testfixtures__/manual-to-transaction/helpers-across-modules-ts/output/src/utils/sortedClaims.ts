// src/utils/sortedClaims.ts
export function sortedClaims(input: Record<string, any> = {}) {
  const flat: Record<string, any> = {};
  for (const [key, value] of Object.entries(input || {})) {
    if (value == null) {
      flat[key] = null;
    } else if (value instanceof Date) {
      flat[key] = value.toISOString();
    } else {
      flat[key] = String(value);
    }
  }
  const out: Record<string, any> = {};
  for (const key of Object.keys(flat).sort()) out[key] = flat[key];
  return out;
}
