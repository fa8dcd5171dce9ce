// src/config/env.ts
export const LABEL_SECRET: string = process.env.LABEL_SECRET ?? "dev-label-secret";
