// src/services/label.service.ts

import crypto from "node:crypto";

import { LABEL_SECRET as SECRET } from "../config/env";

type LabelArgs = {
  token: string;
  crateId: string;
  claims: Record<string, unknown>; // already sorted
};

function envelope(args: LabelArgs) {
  return {
    claims: args.claims,
    crateId: args.crateId,
    token: args.token,
  };
}

export function signLabel(args: LabelArgs): string {
  const outer = envelope(args);
  return crypto
    .createHmac("sha256", SECRET)
    .update(JSON.stringify(outer))
    .digest("hex");
}

export async function printLabel(crateId: string, sig: string): Promise<void> {
  await fetch("https://printer.internal/jobs", {
    method: "POST",
    body: JSON.stringify({ crateId, sig }),
  });
}
