/**
 * The server's configuration, validated once at start (DESIGN.md, "Configuration"). Pure: `parseEnv`
 * takes an environment object so tests need not touch `process.env`.
 */
import { z } from "zod";
import { parseTrustProxy } from "@/scripts/edge-guard.mjs";

/** Empty strings count as unset, as they do in most shells' `VAR= npm start`. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());

const positiveInt = (fallback: number) =>
  optional(z.coerce.number().int("must be a whole number").positive("must be greater than 0")).transform(
    (value) => value ?? fallback,
  );

export const envSchema = z.object({
  FATHOM_API_TOKEN: optional(z.string().trim()),
  FATHOM_API_BASE_URL: optional(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://api.usefathom.com/v1" }),
  ).transform((url) => (url ?? "https://api.usefathom.com/v1").replace(/\/+$/, "")),
  APP_SECRET: optional(z.string().min(32, "must be at least 32 characters long")),
  DATA_DIR: optional(z.string()).transform((dir) => dir ?? "./data"),
  PORT: optional(z.coerce.number().int("must be a whole number").min(1).max(65535, "must be a port number (1-65535)")).transform(
    (port) => port ?? 3000,
  ),
  /** The address people reach Sounding at (links in invites and shares are built from its origin). */
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://dashboard.example.com" })).transform(
    (url) => (url === undefined ? undefined : new URL(url).origin),
  ),
  /** How many reverse proxies in front are believed about the client (X-Forwarded-For/-Proto/-Host); 0 = none. */
  TRUST_PROXY: z.preprocess(
    (value) => (value === undefined || typeof value === "string" ? value : String(value)),
    z
      .string()
      .optional()
      .transform((value, ctx) => {
        try {
          return parseTrustProxy(value);
        } catch {
          ctx.addIssue({ code: "custom", message: "must be true, false or a number of proxies" });
          return z.NEVER;
        }
      }),
  ),
  FATHOM_RATE_LIMIT_REPORTS_PER_MINUTE: positiveInt(10),
  FATHOM_RATE_LIMIT_OTHER_PER_HOUR: positiveInt(2000),
  FATHOM_MAX_CONCURRENCY: positiveInt(5),
  /** How long an answer about a period that ended before today is kept (seconds). */
  CACHE_CLOSED_PERIOD_SECONDS: positiveInt(24 * 60 * 60),
  /** How long an answer about a period that touches today is kept (seconds). */
  CACHE_OPEN_PERIOD_SECONDS: positiveInt(60),
  /** How long lists of sites, events and milestones are kept (seconds). */
  CACHE_LISTS_SECONDS: positiveInt(5 * 60),
  /**
   * How long a cold aggregation waits for others that differ only in their aggregates, so a dashboard's
   * tiles, whose requests reach the server tens of milliseconds apart, are sent as one (milliseconds; 0 off).
   */
  FATHOM_FOLD_WINDOW_MS: optional(z.coerce.number().int("must be a whole number").min(0, "must be 0 or more").max(1000, "must be at most 1000")).transform(
    (value) => value ?? 60,
  ),
  /** How often the current-visitors figure of a site is fetched for everyone watching it (seconds). */
  CURRENT_VISITORS_INTERVAL_SECONDS: positiveInt(15),
  /** `postgres://…`: the store on PostgreSQL, shared by every instance. Unset: SQLite in DATA_DIR. */
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL such as postgres://sounding@db.internal/sounding" })),
  /** `redis://…`: the governor's budget, single-flight, answers and live polling shared by every instance. Unset: in-process. */
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL such as redis://cache.internal:6379" })),
}).superRefine((env, ctx) => {
  // A secret generated into one instance's DATA_DIR cannot be shared: sessions sealed by one would not open on another.
  if (env.APP_SECRET === undefined && (env.DATABASE_URL !== undefined || env.REDIS_URL !== undefined)) {
    const by = [env.DATABASE_URL !== undefined && "DATABASE_URL", env.REDIS_URL !== undefined && "REDIS_URL"].filter(Boolean).join(" and ");
    const verb = env.DATABASE_URL !== undefined && env.REDIS_URL !== undefined ? "are" : "is";
    ctx.addIssue({
      code: "custom",
      path: ["APP_SECRET"],
      message: `must be set when ${by} ${verb} set: every instance needs the same secret (a generated one lives in one instance's DATA_DIR)`,
    });
  }
});

export type Env = z.output<typeof envSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Validates an environment; a bad value throws a ConfigError naming each variable and what is wrong. */
export function parseEnv(env: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
}
