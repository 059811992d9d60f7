import { createServer, type Server } from "node:http";
import { expect, test } from "@playwright/test";
import { freePort } from "./support/own-stack";
import { runSuffix } from "./support/saved-items";
import { createShare, createShareableDashboard, shareSettings } from "./support/shares";

/** A client's own web page, on an origin of its own, that embeds `src` in an iframe. */
async function clientSite(src: string, port: number): Promise<{ origin: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="en"><head><title>Client intranet</title></head><body><h1>Our figures</h1><iframe title="Figures" src="${src}" width="1000" height="800"></iframe></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${port}`, server };
}

// Journey: the agency lets the client's intranet embed the dashboard. In the intranet's page the figures
// show, without the share's own header; any other site that tries to frame the link gets nothing.
test("a share embeds in the origin it allows, without its header, and in no other", async ({ page }) => {
  test.setTimeout(120_000);
  const suffix = runSuffix();
  const { dashboard } = await createShareableDashboard(page.request, suffix);
  const port = await freePort();
  const allowedOrigin = `http://127.0.0.1:${port}`;
  const share = await createShare(page.request, {
    target: { kind: "dashboard", id: dashboard.id },
    settings: shareSettings({ clientName: `Intranet ${suffix}`, embedOrigins: [allowedOrigin] }),
  });
  const embedUrl = `${share.url}?embed=1`;

  const allowed = await clientSite(embedUrl, port);
  const other = await clientSite(embedUrl, await freePort());
  try {
    const direct = await page.request.get(share.url, { maxRetries: 2 });
    expect(direct.headers()["content-security-policy"]).toContain(`frame-ancestors ${allowedOrigin}`);
    expect(direct.headers()["x-frame-options"]).toBeUndefined();

    await page.goto(`${allowedOrigin}/`);
    const frame = page.frameLocator("iframe[title=Figures]");
    await expect(frame.locator("[data-share-tile]")).toHaveCount(3);
    await expect(frame.locator("[data-share-header]")).toHaveCount(0);
    await expect(frame.getByRole("heading", { name: `Intranet ${suffix}` })).toHaveCount(0);

    const refused: string[] = [];
    page.on("console", (message) => refused.push(message.text()));
    await page.goto(`${other.origin}/`);
    await page.locator("iframe[title=Figures]").waitFor();
    await expect.poll(() => refused.some((text) => /frame-ancestors|Refused to frame/i.test(text)), { timeout: 15_000 }).toBe(true);
    await expect(page.frameLocator("iframe[title=Figures]").locator("[data-share-tile]")).toHaveCount(0);
  } finally {
    await new Promise((resolve) => allowed.server.close(resolve));
    await new Promise((resolve) => other.server.close(resolve));
  }
});
