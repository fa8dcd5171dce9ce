import type { ClientSession } from 'mongoose';

// When the request is aborted before its session arrives, the session is ended once it does:
// the callback owns the session its promise resolves to.
export async function sessionForRequest(resolve: () => Promise<ClientSession | undefined>, signal: AbortSignal): Promise<ClientSession | undefined> {
  const pending = resolve();
  if (!signal.aborted) return pending;
  void pending
    .then(async (session) => {
      await session?.endSession();
    })
    .catch(() => undefined);
  return undefined;
}
