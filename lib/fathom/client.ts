import "server-only";
import { accountEndpoints } from "./account";
import { aggregationEndpoints } from "./aggregations";
import { currentVisitorsEndpoints } from "./current-visitors";
import { eventEndpoints } from "./events";
import { createFathomHttp, type FathomClientOptions } from "./http";
import { milestoneEndpoints } from "./milestones";
import { siteEndpoints } from "./sites";

/**
 * A typed client for every endpoint of Fathom API v1 (shared/fathom-api/reference.md). Each method
 * validates its input before sending, validates the answer with zod, takes an optional `{ signal }`,
 * and throws only FathomError (or the caller's own abort reason).
 */
export function createFathomClient(options: FathomClientOptions) {
  const http = createFathomHttp(options);
  return {
    ...accountEndpoints(http),
    ...siteEndpoints(http),
    ...eventEndpoints(http),
    ...milestoneEndpoints(http),
    ...aggregationEndpoints(http),
    ...currentVisitorsEndpoints(http),
  };
}

export type FathomClient = ReturnType<typeof createFathomClient>;
