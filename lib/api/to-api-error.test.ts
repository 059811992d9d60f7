import { describe, expect, it, vi } from "vitest";
import pg from "pg";
import { z } from "zod";
import { ApiError } from "./errors";
import { toApiError } from "./to-api-error";

describe("toApiError", () => {
  it("keeps an ApiError, converts an upstream error and a zod refusal, without logging", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const own = new ApiError(404, "not_found", "That was not found.");
    expect(toApiError(own, "ctx")).toBe(own);
    const upstream = Object.assign(new Error("upstream"), { toApiError: () => new ApiError(502, "fathom_unreachable", "Fathom could not be reached.") });
    expect(toApiError(upstream, "ctx")).toMatchObject({ status: 502, code: "fathom_unreachable" });
    const refused = z.object({ name: z.string("Give it a name") }).safeParse({}).error;
    expect(toApiError(refused, "ctx").toBody()).toEqual({ error: { code: "invalid_input", message: "Invalid input.", fields: { name: ["Give it a name"] } } });
    expect(log).not.toHaveBeenCalled();
  });

  it("answers anything else with a 500 that hides its cause, and logs it under the context, redacted", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = toApiError(new Error("disk full near Bearer abc.def"), "Loading a site's events");
    expect(error).toMatchObject({ status: 500, code: "internal_error" });
    expect(error.message).not.toContain("disk");
    expect(log.mock.calls[0]?.[0]).toContain("Loading a site's events");
    expect(log.mock.calls[0]?.[0]).not.toContain("abc.def");
  });

  it("answers PostgreSQL's refusals of what was sent, or of a race lost, as 4xx without logging", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const refusal = (code: string, message: string) => Object.assign(new pg.DatabaseError(message, 0, "error"), { code, severity: "ERROR" });
    expect(toApiError(refusal("22021", 'invalid byte sequence for encoding "UTF8": 0x00'), "ctx")).toMatchObject({ status: 400, code: "invalid_input" });
    expect(toApiError(refusal("23505", 'duplicate key value violates unique constraint "users_email_key"'), "ctx")).toMatchObject({
      status: 409,
      code: "conflict",
    });
    expect(log).not.toHaveBeenCalled();
    // Any other database failure is still ours: a 500, logged.
    expect(toApiError(refusal("53100", "could not extend file: No space left on device"), "ctx")).toMatchObject({ status: 500 });
    expect(log).toHaveBeenCalledTimes(1);
  });
});
