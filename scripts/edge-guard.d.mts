/** Types for scripts/edge-guard.mjs (plain JavaScript so the production server needs no compiler). */
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

export declare const ALLOWED_METHODS: readonly string[];
export declare const MAX_BODY_BYTES: number;
export declare const PEER_HEADER: "x-sounding-peer";
export declare const PROTO_HEADER: "x-sounding-proto";

export type ClientFacts = { address: string; proto: "http" | "https" };
export type Refusal = { status: number; headers: Record<string, string>; body: string };

export declare function parseTrustProxy(value: string | undefined): number;
export declare function normaliseAddress(address: string | undefined): string;
export declare function clientFacts(
  headers: IncomingHttpHeaders,
  socket: { remoteAddress?: string; encrypted?: boolean },
  trustHops: number,
): ClientFacts;
export declare function isCleanPath(path: string): boolean;
export declare function guardRequest(
  req: Pick<IncomingMessage, "method" | "url" | "headers"> & { socket?: { remoteAddress?: string; encrypted?: boolean } },
  options: { trustHops: number },
): { refuse: Refusal; facts?: undefined } | { refuse?: undefined; facts: ClientFacts };
export declare function edgeResponseHeaders(facts: ClientFacts): Record<string, string>;
