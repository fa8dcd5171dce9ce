import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let collect: (() => void) | undefined | null;

/**
 * Asks V8 for a full collection now. Used where a large structure (a TypeScript program) has just
 * become garbage: V8 would otherwise let several of them pile up before collecting, and a run's
 * peak memory would grow with every file that needed type facts. A no-op when unavailable.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      // Exposing gc this way is what Jest's leak detector does; the flag only adds the function.
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
