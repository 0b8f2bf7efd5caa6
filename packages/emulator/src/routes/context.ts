import type { FastifyRequest } from 'fastify';
import type { Faults } from '../faults.js';
import type { EmulatorState } from '../state/store.js';

/** What every route module gets. */
export interface RouteContext {
  state: EmulatorState;
  faults: Faults;
}

/** Absolute URL of this server as the client addressed it, for next/previous/Location. */
export const origin = (req: FastifyRequest): string => `${req.protocol}://${req.host}`;
