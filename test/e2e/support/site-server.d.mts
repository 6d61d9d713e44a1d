import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request the fixture server answered. */
export interface ServedRequest {
  host: string;
  path: string;
  method: string | undefined;
  status: number;
}

/** A running fixture server. */
export interface SiteServer {
  port: number;
  /** The host names it serves: one folder each, plus those of on-the-fly routes. */
  hosts: ReadonlySet<string>;
  requests: ServedRequest[];
  origin(host: string): string;
  url(host: string, pagePath?: string): string;
  close(): Promise<void>;
}

/** A page made on the fly, keyed "host/path" in `routes`. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export const SITE_ROOT: string;
export const FIXTURE_TLD: string;
export function startSiteServer(options?: {
  root?: string;
  routes?: Record<string, Route>;
}): Promise<SiteServer>;
