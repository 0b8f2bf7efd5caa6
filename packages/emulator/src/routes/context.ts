import type { FastifyRequest } from 'fastify';
import type { Faults } from '../faults.js';
import type { EmulatorState } from '../state/store.js';

/** What every route module gets. */
export interface RouteContext {
  state: EmulatorState;
  faults: Faults;
  /** Ids of tokens whose organization's subscription has expired: 402 where a family documents it. */
  expiredTokens: ReadonlySet<string>;
}

/** Absolute URL of this server as the client addressed it, for next/previous/Location. */
export const origin = (req: FastifyRequest): string => `${req.protocol}://${req.host}`;
