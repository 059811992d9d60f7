import { describe, expect, it } from "vitest";
import { canonicalJson, requestKey } from "./request-key";

const unordered = ["aggregates", "filters"] as const;

describe("requestKey", () => {
  it("gives the same key whatever order parameters, filter keys, filters and aggregates were written in", () => {
    const a = requestKey({
      operation: "aggregations",
      fingerprint: "fp1",
      unordered,
      params: {
        entity: "pageview",
        site_id: "CDBUGS",
        aggregates: ["visits", "pageviews"],
        filters: [
          { property: "pathname", operator: "is", value: "/a" },
          { property: "country_code", operator: "is not", value: "GB" },
        ],
      },
    });
    const b = requestKey({
      operation: "aggregations",
      fingerprint: "fp1",
      unordered,
      params: {
        filters: [
          { value: "GB", operator: "is not", property: "country_code" },
          { operator: "is", value: "/a", property: "pathname" },
        ],
        aggregates: ["pageviews", "visits"],
        site_id: "CDBUGS",
        entity: "pageview",
        limit: undefined,
      },
    });
    expect(a).toBe(b);
  });

  it("tells apart what means something different: values, ordered lists, the token, the operation", () => {
    const base = { operation: "aggregations", fingerprint: "fp1", unordered, params: { site_id: "A", field_grouping: ["hostname", "pathname"] } };
    const key = requestKey(base);
    expect(requestKey({ ...base, params: { site_id: "B", field_grouping: ["hostname", "pathname"] } })).not.toBe(key);
    expect(requestKey({ ...base, params: { site_id: "A", field_grouping: ["pathname", "hostname"] } })).not.toBe(key);
    expect(requestKey({ ...base, fingerprint: "fp2" })).not.toBe(key);
    expect(requestKey({ ...base, operation: "current_visitors" })).not.toBe(key);
  });

  it("contains the fingerprint it is given and nothing else about the token", () => {
    const key = requestKey({ operation: "sites", fingerprint: "sha256:ab12", params: {} });
    expect(key).toContain("sha256:ab12");
    expect(key).toBe('["sites","sha256:ab12",{}]');
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every depth and leaves out null and undefined members", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null }, e: undefined })).toBe('{"a":{"d":[{"x":2,"y":1}]},"b":1}');
  });
});
