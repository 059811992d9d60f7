// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { BarTooltip } from "./field-bar-chart";
import { MultiTooltip } from "./multi-series-chart";

afterEach(cleanup);

describe("chart tooltips", () => {
  it("name a bar's metric, and a country's code beside its name", () => {
    const datum = { label: "🇩🇪 Germany", spoken: "Germany", raw: "DE", value: 0.4234 };
    const { container } = render(<BarTooltip active payload={[{ payload: datum }] as never} metric="bounce_rate" />);
    expect(container.textContent).toBe("🇩🇪 Germany (DE)Bounce rate: 42.3%");
  });

  it("say which metric a multi-series bucket is in", () => {
    const chart = { series: [{ key: "s0", name: "Direct / none" }], points: [{ bucket: "2024-05-01", s0: 1500 }] };
    const { container } = render(<MultiTooltip active payload={[{ payload: chart.points[0] }] as never} label="2024-05-01" chart={chart} metric="visits" grouping="day" />);
    expect(container.textContent).toBe("Wed, May 1, 2024VisitsDirect / none1,500");
  });
});
