/**
 * What real Fathom clients put on the wire, over HTTP against the standalone simulator: the dates,
 * filter encodings, booleans and lengths that Fathom's Laravel back end accepts, a pathological
 * regular expression, and the raw query in the request log. And the rule under all of it: a
 * parameter the simulator does not understand is refused, never passed over.
 */
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AGGREGATION_PARAMETERS } from "./aggregation-request";
import { startSimulatorServer, type SimulatorServer } from "./server";

let server: SimulatorServer;

/** GET with the query string exactly as written (node's http sends the path as given). */
function get(path: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const url = new URL(server.url);
    const req = httpRequest({ host: url.hostname, port: url.port, path, method: "GET", headers: { Authorization: "Bearer T", Accept: "application/json" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
    });
    req.on("error", reject);
    req.end();
  });
}

const post = async (path: string, body: unknown) => {
  const response = await fetch(`${server.url}${path}`, { method: "POST", headers: { Authorization: "Bearer T", "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as unknown };
};

const WEEK = "date_from=2025-06-01+00:00:00&date_to=2025-06-07+23:59:59";
const daily = (rest: string) => get(`/v1/aggregations?entity=pageview&entity_id=CDBUGS&aggregates=pageviews,visits&date_grouping=day&${rest}`);
const total = (rest: string) => get(`/v1/aggregations?entity=pageview&entity_id=CDBUGS&aggregates=pageviews&${WEEK}&${rest}`);
const json = (value: unknown) => encodeURIComponent(JSON.stringify(value));
const HOME = [{ property: "pathname", operator: "is", value: "/" }];

beforeAll(async () => {
  server = await startSimulatorServer({ port: 0, token: "T", warmUp: false, rateLimits: false, now: () => new Date("2025-06-15T12:00:00Z") });
});
afterAll(() => server.close());
beforeEach(() => server.simulator.control.clearRequests());

describe("1. dates in the forms Fathom accepts", () => {
  it("reads a date alone as the start of that day for date_from and its end for date_to, in the site's zone", async () => {
    const explicit = await daily(WEEK);
    expect(explicit.status).toBe(200);
    expect((explicit.body as unknown[]).length).toBe(7);
    expect(await daily("date_from=2025-06-01&date_to=2025-06-07")).toEqual(explicit);
  });

  it("reads ISO 8601 instants with Z or an offset as those instants (the site is in New York, UTC−4 in June)", async () => {
    const explicit = await daily(WEEK);
    expect(await daily("date_from=2025-06-01T04:00:00.000Z&date_to=2025-06-08T03:59:59.999Z")).toEqual(explicit);
    expect(await daily("date_from=2025-06-01T00:00:00-04:00&date_to=2025-06-07T23:59:59-04:00")).toEqual(explicit);
    expect(await daily("date_from=2025-06-01T06:00:00%2B02:00&date_to=2025-06-08T05:59:59%2B02:00")).toEqual(explicit);
    expect(await daily("date_from=2025-06-01T00:00&date_to=2025-06-07T23:59:59")).toEqual(explicit);
  });

  it("an instant in another zone moves the figures as it should", async () => {
    // 00:00 UTC is 20:00 the evening before in New York: the first bucket is that evening's four hours.
    const shifted = (await daily("date_from=2025-06-01T00:00:00Z&date_to=2025-06-07+23:59:59")).body as Array<{ date: string; pageviews: string }>;
    const explicit = (await daily(WEEK)).body as Array<{ date: string; pageviews: string }>;
    expect(shifted[0]!.date).toBe("2025-05-31");
    expect(Number(shifted[0]!.pageviews)).toBeGreaterThan(0);
    expect(shifted.slice(1)).toEqual(explicit);
  });

  it.each(["now", "yesterday", "2025-02-30", "2025-13-01", "1 June 2025", "2025-06-01 25:00:00", "06/2025", "banana"])("refuses %j with Laravel's message", async (text) => {
    expect(await total(`date_from=${encodeURIComponent(text)}`)).toEqual({ status: 400, body: { errors: { date_from: ["The date from is not a valid date."] } } });
  });

  it("takes an empty date_to as not sent (Laravel turns empty strings into null)", async () => {
    expect(await get("/v1/aggregations?entity=pageview&entity_id=CDBUGS&aggregates=pageviews&date_from=2025-06-01&date_to=")).toEqual(
      await get("/v1/aggregations?entity=pageview&entity_id=CDBUGS&aggregates=pageviews&date_from=2025-06-01"),
    );
  });
});

describe("2. filters={} and other empty filters", () => {
  it("answers {} , [] and an empty value as no filters", async () => {
    const unfiltered = await total("");
    expect(unfiltered.status).toBe(200);
    expect(await total("filters=%7B%7D")).toEqual(unfiltered);
    expect(await total("filters={}")).toEqual(unfiltered);
    expect(await total("filters=[]")).toEqual(unfiltered);
    expect(await total("filters=")).toEqual(unfiltered);
  });

  it("refuses a filter object not in a list, and JSON that is not a list of filters", async () => {
    expect(await total(`filters=${json(HOME[0])}`)).toEqual({ status: 400, body: { error: "Each filter needs a property, an operator and a value." } });
    for (const text of ["null", "5", '"pathname"', "[1]", "{not json"]) expect((await total(`filters=${encodeURIComponent(text)}`)).status, text).toBe(400);
  });
});

describe("3. filters as bracketed fields, read as PHP reads them", () => {
  it("applies filters[0][property]=… exactly as the same filter in JSON", async () => {
    const viaJson = await total(`filters=${json(HOME)}`);
    const unfiltered = await total("");
    expect(viaJson).not.toEqual(unfiltered);
    expect(await total("filters[0][property]=pathname&filters[0][operator]=is&filters[0][value]=/")).toEqual(viaJson);
    expect(await total("filters%5B0%5D%5Bproperty%5D=pathname&filters%5B0%5D%5Boperator%5D=is&filters%5B0%5D%5Bvalue%5D=%2F")).toEqual(viaJson);
  });

  it("applies several, in any key order, with operators that have spaces", async () => {
    const filters = [
      { property: "pathname", operator: "is like", value: "/blog*" },
      { property: "device_type", operator: "is not", value: "Desktop" },
    ];
    const viaJson = await total(`filters=${json(filters)}`);
    expect(viaJson.status).toBe(200);
    const brackets =
      "filters[1][property]=device_type&filters[1][operator]=is+not&filters[1][value]=Desktop&" +
      "filters[0][property]=pathname&filters[0][operator]=is%20like&filters[0][value]=/blog*";
    expect(await total(brackets)).toEqual(viaJson);
  });

  it("refuses filters[][…]: PHP makes each [] a new item, so it is three halves of a filter, not one", async () => {
    expect(await total("filters[][property]=pathname&filters[][operator]=is&filters[][value]=/")).toEqual({
      status: 400,
      body: { error: "Each filter needs a property, an operator and a value." },
    });
  });

  it("refuses an unknown property, operator or key, and a lone filters[property]=…", async () => {
    expect(await total("filters[0][property]=planet&filters[0][operator]=is&filters[0][value]=Mars")).toEqual({ status: 400, body: { error: 'Unknown filter property "planet".' } });
    expect(await total("filters[0][property]=pathname&filters[0][operator]=sounds+like&filters[0][value]=/")).toEqual({ status: 400, body: { error: 'Unknown filter operator "sounds like".' } });
    expect(await total("filters[0][property]=pathname&filters[0][operator]=is&filters[0][value]=/&filters[0][negate]=1")).toEqual({
      status: 400,
      body: { error: 'A filter has a property, an operator and a value; "negate" is not one of them.' },
    });
    expect(await total("filters[property]=pathname&filters[operator]=is&filters[value]=/")).toEqual({ status: 400, body: { error: "Each filter needs a property, an operator and a value." } });
    expect(await total("filters[0][property][]=pathname&filters[0][operator]=is&filters[0][value]=/")).toEqual({ status: 400, body: { error: "Each filter needs a property, an operator and a value." } });
  });
});

describe("the rule: a parameter is applied or refused, never passed over", () => {
  const scalars = AGGREGATION_PARAMETERS.filter((name) => name !== "filters");

  it.each(scalars.flatMap((name) => [[name, `${name}[]=x`] as const, [name, `${name}[key]=x`] as const]))("refuses %s as an array (%s)", async (name, shape) => {
    const answer = await total(shape);
    expect(answer.status).toBe(400);
    expect((answer.body as { errors: Record<string, string[]> }).errors[name]).toEqual([`The ${name.replace(/_/g, " ")} must be a string.`]);
  });

  it("takes the last of a repeated name, as PHP does", async () => {
    const last = await get(`/v1/aggregations?entity=pageview&entity_id=CDBUGS&aggregates=visits&${WEEK}`);
    expect(await get(`/v1/aggregations?entity=pageview&entity_id=CDBUGS&aggregates=pageviews&aggregates=visits&${WEEK}`)).toEqual(last);
    expect(last.body).toEqual([{ visits: expect.stringMatching(/^\d+$/) }]);
  });

  it("refuses arrays on the other endpoints too: current visitors, lists, and JSON bodies", async () => {
    expect(await get("/v1/current_visitors?site_id[]=CDBUGS")).toEqual({ status: 400, body: { errors: { site_id: ["The site id must be a string."] } } });
    expect(await get("/v1/current_visitors?site_id=CDBUGS&detailed[]=1")).toEqual({ status: 400, body: { errors: { detailed: ["The detailed must be a string."] } } });
    expect(await get("/v1/sites?limit[]=2")).toEqual({ status: 400, body: { errors: { limit: ["The limit must be a string."] } } });
    expect(await post("/v1/sites/CDBUGS/milestones", { name: ["Launch"], milestone_date: "2025-06-01" })).toEqual({ status: 400, body: { errors: { name: ["The name must be a string."] } } });
  });

  it("answers a name no endpoint reads as Fathom does, and the log names it", async () => {
    const plain = await total("");
    expect(await total("filter=%5B%5D&_=1718000000")).toEqual(plain);
    const [, entry] = server.simulator.control.requests();
    expect(entry?.ignored).toEqual(["filter", "_"]);
    expect(server.simulator.control.requests()[0]?.ignored).toEqual([]);
  });

  it("refuses more parameters than PHP keeps, instead of dropping the rest", async () => {
    const many = Array.from({ length: 1001 }, (_, i) => `p${i}=1`).join("&");
    expect(await total(many)).toEqual({ status: 400, body: { error: "A request may carry at most 1000 parameters." } });
  });
});

describe("4. booleans as Laravel takes them", () => {
  beforeAll(() => server.simulator.control.setCurrentVisitors("CDBUGS", 12));
  afterAll(() => server.simulator.control.setCurrentVisitors("CDBUGS", null));

  it.each(["1", "true", "on", "yes", "TRUE", "Yes"])("detailed=%s gives the breakdown", async (value) => {
    const answer = await get(`/v1/current_visitors?site_id=CDBUGS&detailed=${value}`);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body as object).sort()).toEqual(["content", "referrers", "total"]);
  });

  it.each(["0", "false", "off", "no", "OFF", ""])("detailed=%s gives the count alone", async (value) => {
    expect(await get(`/v1/current_visitors?site_id=CDBUGS&detailed=${value}`)).toEqual({ status: 200, body: { total: 12 } });
  });

  it.each(["maybe", "2", "y", "truee"])("refuses detailed=%s instead of reading it as false", async (value) => {
    expect(await get(`/v1/current_visitors?site_id=CDBUGS&detailed=${value}`)).toEqual({ status: 400, body: { errors: { detailed: ["The detailed field must be true or false."] } } });
  });

  it("reads multi_domain the same way when a site is created", async () => {
    expect(await post("/v1/sites", { name: "Yes site", multi_domain: "yes" })).toEqual({ status: 400, body: { errors: { multi_domain_option: ["The multi domain option field is required when multi domain is true."] } } });
    expect((await post("/v1/sites", { name: "Off site", multi_domain: "off" })).status).toBe(200);
    expect(await post("/v1/sites", { name: "Odd site", multi_domain: "sometimes" })).toEqual({ status: 400, body: { errors: { multi_domain: ["The multi domain field must be true or false."] } } });
  });
});

describe("5. lengths in characters, as Fathom's validation counts them", () => {
  it("accepts a 16-emoji milestone name (32 UTF-16 units) and keeps it whole", async () => {
    const name = "🚀".repeat(16);
    const created = await post("/v1/sites/CDBUGS/milestones", { name, milestone_date: "2025-06-01" });
    expect(created).toMatchObject({ status: 201, body: { name } });
  });

  it("draws the 30-character line at 30 characters, whatever they are", async () => {
    expect((await post("/v1/sites/CDBUGS/milestones", { name: "😀".repeat(30), milestone_date: "2025-06-01" })).status).toBe(201);
    expect((await post("/v1/sites/CDBUGS/milestones", { name: "é".repeat(30), milestone_date: "2025-06-01" })).status).toBe(201);
    expect(await post("/v1/sites/CDBUGS/milestones", { name: "😀".repeat(31), milestone_date: "2025-06-01" })).toEqual({
      status: 400,
      body: { errors: { name: ["The name may not be greater than 30 characters."] } },
    });
  });
});

describe("6. pathological regular expressions", () => {
  it("answers each at once, or refuses what RE2 cannot run, and the simulator keeps answering", async () => {
    const run = (operator: string, value: string) => total(`filters=${json([{ property: "pathname", operator, value }])}`);
    expect((await run("matching", "^/")).status).toBe(200); // generates the week first
    const started = performance.now();
    for (const pattern of ["(([a-z/-]|[a-z/-])+)+#$", "((((((((((a*)*)*)*)*)*)*)*)*)*)*#", "(\\w+\\s?)+$#", "(.*){20}z#", "(x+x+)+y", "[a-z/]{1000}#"]) {
      expect(await run("matching", pattern), pattern).toEqual({ status: 200, body: [{ pageviews: "0" }] });
    }
    expect((await run("is like", "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b#")).body).toEqual([{ pageviews: "0" }]);
    for (const pattern of ["(a{1000}){1000}", "a{1001}", "[^a]{500}{500}", "(a)\\1", "^/blog(?=/)"]) {
      expect(await run("matching", pattern), pattern).toEqual({ status: 400, body: { error: "The pathname filter's value is not a valid regular expression." } });
    }
    // A hang guard, not a benchmark: twelve linear-time evaluations take well under a second here.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await total("")).status).toBe(200);
  });
});

describe("the request log keeps the raw query string", () => {
  it("records exactly what came on the wire, escapes, brackets and repeats included", async () => {
    const raw = `entity=pageview&entity_id=CDBUGS&aggregates=pageviews&aggregates=visits&${WEEK}&filters[0][property]=pathname&filters[0][operator]=is&filters[0][value]=%2F&x=%27q%27`;
    expect((await get(`/v1/aggregations?${raw}`)).status).toBe(200);
    const [entry] = server.simulator.control.requests();
    expect(entry).toMatchObject({ method: "GET", path: "/v1/aggregations", rawQuery: raw, ignored: ["x"], status: 200 });
    expect(entry?.query).toMatchObject({ aggregates: "visits", "filters[0][value]": "/", x: "'q'" });
    const log = (await (await fetch(`${server.url}/_sim/requests`)).json()) as Array<{ rawQuery: string }>;
    expect(log.at(-1)?.rawQuery).toBe(raw);
  });
});
