import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives the documented defaults for an empty environment (demo mode)", () => {
    const env = parseEnv({});
    expect(env.FATHOM_API_TOKEN).toBeUndefined();
    expect(env.APP_SECRET).toBeUndefined();
    expect(env).toMatchObject({
      FATHOM_API_BASE_URL: "https://api.usefathom.com/v1",
      DATA_DIR: "./data",
      PORT: 3000,
      FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: 10,
      FATHOM_RATE_LIMIT_OTHER_PER_HOUR: 2000,
      FATHOM_MAX_CONCURRENCY: 5,
      CACHE_CLOSED_PERIOD_SECONDS: 86_400,
      CACHE_OPEN_PERIOD_SECONDS: 60,
      CURRENT_VISITORS_INTERVAL_SECONDS: 15,
    });
  });

  it("treats empty strings as unset and trims the base URL's trailing slash", () => {
    const env = parseEnv({ FATHOM_API_TOKEN: "  ", PORT: "", FATHOM_API_BASE_URL: "http://127.0.0.1:8787/v1/" });
    expect(env.FATHOM_API_TOKEN).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.FATHOM_API_BASE_URL).toBe("http://127.0.0.1:8787/v1");
  });

  it("reads numbers for custom plans", () => {
    const env = parseEnv({ PORT: "8080", FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: "60", FATHOM_MAX_CONCURRENCY: "10" });
    expect(env).toMatchObject({ PORT: 8080, FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: 60, FATHOM_MAX_CONCURRENCY: 10 });
  });

  it.each([
    [{ APP_SECRET: "short" }, "APP_SECRET: must be at least 32 characters long"],
    [{ PORT: "99999" }, "PORT: must be a port number (1-65535)"],
    [{ PORT: "web" }, "PORT"],
    [{ FATHOM_API_BASE_URL: "ftp://example.com" }, "FATHOM_API_BASE_URL: must be an http(s) URL"],
    [{ FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: "0" }, "FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: must be greater than 0"],
    [{ FATHOM_MAX_CONCURRENCY: "2.5" }, "FATHOM_MAX_CONCURRENCY: must be a whole number"],
    [{ TRUST_PROXY: "maybe" }, "TRUST_PROXY: must be true, false or a number of proxies"],
    [{ PUBLIC_URL: "javascript:alert(1)" }, "PUBLIC_URL: must be an http(s) URL"],
    [{ DATABASE_URL: "mysql://db/sounding", APP_SECRET: "x".repeat(32) }, "DATABASE_URL: must be a postgres:// URL"],
    [{ REDIS_URL: "http://cache:6379", APP_SECRET: "x".repeat(32) }, "REDIS_URL: must be a redis:// or rediss:// URL"],
    [{ DATABASE_URL: "postgres://db/sounding" }, "APP_SECRET: must be set when DATABASE_URL is set"],
    [{ REDIS_URL: "redis://cache:6379" }, "APP_SECRET: must be set when REDIS_URL is set"],
    [{ DATABASE_URL: "postgres://db/sounding", REDIS_URL: "redis://cache:6379" }, "must be set when DATABASE_URL and REDIS_URL are set"],
  ])("stops with a message naming the variable: %o", (env, message) => {
    expect(() => parseEnv(env)).toThrow(ConfigError);
    expect(() => parseEnv(env)).toThrow(message);
  });

  it("reads TRUST_PROXY as a number of trusted hops, off by default", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
  });

  it("reads the shared engines' URLs, unset by default (SQLite and the in-process governor)", () => {
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
    expect(parseEnv({}).REDIS_URL).toBeUndefined();
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/sounding", REDIS_URL: "redis://127.0.0.1:6379/0", APP_SECRET: "s".repeat(32) });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/sounding", REDIS_URL: "redis://127.0.0.1:6379/0" });
  });

  it("keeps only PUBLIC_URL's origin", () => {
    expect(parseEnv({}).PUBLIC_URL).toBeUndefined();
    expect(parseEnv({ PUBLIC_URL: "https://dash.example.com/some/path?x=1" }).PUBLIC_URL).toBe("https://dash.example.com");
    expect(parseEnv({ PUBLIC_URL: "http://127.0.0.1:3000/" }).PUBLIC_URL).toBe("http://127.0.0.1:3000");
  });

  it("names every bad variable at once", () => {
    try {
      parseEnv({ APP_SECRET: "x", PORT: "0" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/APP_SECRET[\s\S]*PORT|PORT[\s\S]*APP_SECRET/);
    }
  });
});
