import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';

/** Wall seconds, peak resident memory (MB) and CPU seconds (user + system) of a command, through GNU time when available. */
export function measure(command, commandArgs, cwd) {
  const hasTime = fs.existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const result = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M %U %S', command, ...commandArgs], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(command, commandArgs, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [peakKb, user, system] = hasTime ? result.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { seconds, peakMb: peakKb / 1024, cpuSeconds: user + system, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The median wall time and the highest peak memory of `times` runs of a command. */
export function measureMedian(times, command, commandArgs, cwd) {
  const results = Array.from({ length: times }, () => measure(command, commandArgs, cwd));
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b)[Math.floor(times / 2)];
  return { ...results[results.length - 1], seconds, peakMb: Math.max(...results.map((r) => r.peakMb)) };
}
