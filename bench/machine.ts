/** Describes the machine a benchmark ran on, so figures can be compared with their context. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Hardware and software a run depends on, and how busy the machine was when it started. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memory_gb: number;
  os: string;
  node: string;
  chromium: string | null;
  /** One-minute load average at the start: above the core count, other work was competing. */
  load_at_start: number;
  date: string;
}

/** CPU model as /proc/cpuinfo names it (falls back to what Node reports elsewhere). */
function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch {
    // Not Linux: os.cpus() below still names the model.
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

/** Version line of the Chromium the page benchmark drives, or null when none is installed. */
export function chromiumVersion(executable: string): string | null {
  try {
    const out = execFileSync(executable, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return out.trim().split('\n').pop() ?? null;
  } catch {
    return null;
  }
}

/** Collects the description of this machine. */
export function describeMachine(chromiumExecutable: string): MachineInfo {
  return {
    cpu: cpuModel(),
    cores: os.availableParallelism(),
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: chromiumVersion(chromiumExecutable),
    load_at_start: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
    date: new Date().toISOString(),
  };
}
