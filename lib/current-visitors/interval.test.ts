import { describe, expect, it } from "vitest";
import { baseIntervalSeconds, intervalSettingSchema, MAX_INTERVAL_SECONDS, MIN_INTERVAL_SECONDS, requestsPerMinute } from "./interval";

describe("the default interval", () => {
  it("is the admin's setting when there is one, else the environment's", () => {
    expect(baseIntervalSeconds(30, 15)).toBe(30);
    expect(baseIntervalSeconds(null, 15)).toBe(15);
  });

  it("is kept within bounds whatever the environment says", () => {
    expect(baseIntervalSeconds(null, 1)).toBe(MIN_INTERVAL_SECONDS);
    expect(baseIntervalSeconds(null, 100_000)).toBe(MAX_INTERVAL_SECONDS);
  });

  it("accepts whole seconds in bounds, or null to follow the environment", () => {
    expect(intervalSettingSchema.parse({ intervalSeconds: 20 })).toEqual({ intervalSeconds: 20 });
    expect(intervalSettingSchema.parse({ intervalSeconds: null })).toEqual({ intervalSeconds: null });
  });

  it("refuses what is not a sensible interval, saying why", () => {
    const message = (value: unknown) => intervalSettingSchema.safeParse({ intervalSeconds: value }).error?.issues[0]?.message;
    expect(message(2)).toBe(`At least ${MIN_INTERVAL_SECONDS} seconds`);
    expect(message(3600)).toMatch(/At most 600 seconds/);
    expect(message(7.5)).toBe("Use a whole number of seconds");
    expect(message("15")).toBe("Give the interval in seconds");
  });

  it("says what an interval costs of the reports budget", () => {
    expect(requestsPerMinute(15)).toBe(4);
    expect(requestsPerMinute(60)).toBe(1);
  });
});
