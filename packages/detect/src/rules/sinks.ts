// Token sinks (stub; filled in by the sink model).
import type { LineCtx } from './line';

export interface Sink {
  start: number;
  value: string;
  k: number;
  verdict: 'dummy' | 'token';
}

export function sinksOf(lc: LineCtx): readonly Sink[] {
  if (lc.sinks === undefined) lc.sinks = [];
  return lc.sinks as Sink[];
}
