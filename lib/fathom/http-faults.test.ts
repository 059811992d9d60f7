/**
 * The client over a real socket, against the standalone simulator's network faults: each broken exchange
 * becomes the FathomError kind that tells a person what happened (unreachable, unreadable, slow).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FaultInput } from "@/lib/simulator/faults";
import { startSimulatorServer, type SimulatorServer } from "@/lib/simulator/server";
import { createFathomClient } from "./client";
import { FathomError } from "./errors";

let server: SimulatorServer;
const client = (timeoutMs?: number) => createFathomClient({ baseUrl: `${server.url}/v1`, token: "T", timeoutMs });

beforeAll(async () => {
  server = await startSimulatorServer({ port: 0, token: "T", warmUp: false, rateLimits: false, now: () => new Date("2025-06-15T12:00:00Z") });
});
afterAll(() => server.close());
beforeEach(() => server.simulator.control.reset());

async function failureOf(fault: FaultInput, timeoutMs?: number): Promise<FathomError> {
  server.simulator.control.injectFault({ ...fault, count: 1, path: "/v1/aggregations" } as FaultInput);
  const error = await client(timeoutMs)
    .aggregate({ entity: "pageview", entity_id: "CDBUGS", aggregates: ["pageviews"], date_from: "2025-06-01 00:00:00", date_to: "2025-06-07 23:59:59" })
    .then(
      () => new Error("expected the call to fail"),
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(FathomError);
  return error as FathomError;
}

describe("the client over a real socket, when Fathom's answer breaks", () => {
  it("a connection dropped before any answer: unreachable", async () => {
    const error = await failureOf({ kind: "reset", count: 1 });
    expect(error).toMatchObject({ kind: "network", status: 0 });
    expect(error.toApiError().code).toBe("fathom_unreachable");
  });

  it("a 200 whose body is cut off mid-way (short of its Content-Length): an answer that could not be read, not an unreachable Fathom", async () => {
    const error = await failureOf({ kind: "truncate", count: 1 });
    expect(error).toMatchObject({ kind: "invalid_response", status: 200 });
    expect(error.message).toContain("cut off");
    expect(error.toApiError()).toMatchObject({ status: 502, code: "fathom_invalid_response" });
  });

  it("a 200 with an HTML page: an answer that could not be read", async () => {
    const error = await failureOf({ kind: "malformed", count: 1 });
    expect(error).toMatchObject({ kind: "invalid_response", status: 200 });
    expect(error.toApiError().code).toBe("fathom_invalid_response");
  });

  it("no answer in time: a timeout", async () => {
    const error = await failureOf({ kind: "hang", count: 1, hangMs: 5_000 }, 200);
    expect(error).toMatchObject({ kind: "timeout", status: 0 });
    expect(error.toApiError().code).toBe("fathom_timeout");
  });

  it("then answers again as usual", async () => {
    const rows = await client().aggregate({ entity: "pageview", entity_id: "CDBUGS", aggregates: ["pageviews"], date_from: "2025-06-01 00:00:00", date_to: "2025-06-07 23:59:59" });
    expect(Number(rows[0]!.pageviews)).toBeGreaterThan(0);
  });
});
