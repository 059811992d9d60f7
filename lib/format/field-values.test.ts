import { describe, expect, it } from "vitest";
import { DIRECT_LABEL, NONE_LABEL, countryFlag, countryName, fieldValueLabel, fieldValueText, noneLabel } from "./field-values";

describe("empty grouped values", () => {
  it("read as “Direct / none” where a visit came from, “(none)” for anything else", () => {
    for (const field of ["referrer_hostname", "referrer_source", "referrer_pathname", "utm_source", "utm_medium"] as const) {
      expect(noneLabel(field), field).toBe(DIRECT_LABEL);
    }
    for (const field of ["utm_campaign", "utm_content", "pathname", "browser", "country_code", "ref"] as const) {
      expect(noneLabel(field), field).toBe(NONE_LABEL);
    }
  });

  it("are null, empty or blank, and say they are missing", () => {
    for (const value of [null, undefined, "", "  "]) {
      expect(fieldValueLabel("utm_campaign", value)).toEqual({ text: "(none)", missing: true });
    }
    expect(fieldValueLabel("referrer_hostname", "")).toEqual({ text: "Direct / none", missing: true });
    expect(fieldValueLabel("utm_campaign", "spring-sale")).toEqual({ text: "spring-sale", missing: false });
  });
});

describe("countries", () => {
  it("are named in English with their flag, the code kept", () => {
    expect(fieldValueLabel("country_code", "DE")).toEqual({ text: "Germany", flag: "🇩🇪", raw: "DE", missing: false });
    expect(fieldValueText("country_code", "US")).toBe("United States");
    expect(fieldValueText("country_code", "GB", { flag: true })).toBe("🇬🇧 United Kingdom");
    expect(countryName("nl")).toBe("Netherlands");
  });

  it("keep a code Intl does not know, without a flag", () => {
    for (const code of ["XX", "ZZ", "T1", "ABC", "1"]) {
      expect(countryName(code), code).toBe(code);
      expect(countryFlag(code), code).toBeNull();
      expect(fieldValueLabel("country_code", code), code).toEqual({ text: code, missing: false });
    }
  });

  it("are only translated in the country field", () => {
    expect(fieldValueText("utm_source", "DE")).toBe("DE");
  });
});
