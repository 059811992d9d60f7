import { beforeEach, describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({ findPublicShare: vi.fn() }));
vi.mock("./shares-service", () => ({ findPublicShare: state.findPublicShare }));
const { shareFrameAncestors } = await import("./share-framing");

const SLUG = "Zy4xWv1uTs8rQp5oNm2lKj9iHg6fEd3c";
const share = (state: string, embedOrigins: string[]) => ({ state, settings: { embedOrigins } });

beforeEach(() => state.findPublicShare.mockReset());

describe("who may frame a share page", () => {
  it("is the share's own list while its link works, for the page and everything under it", async () => {
    state.findPublicShare.mockResolvedValue(share("active", ["https://client.example"]));
    expect(await shareFrameAncestors(`/share/${SLUG}`)).toEqual(["https://client.example"]);
    expect(await shareFrameAncestors(`/share/${SLUG}/anything`)).toEqual(["https://client.example"]);
    expect(state.findPublicShare).toHaveBeenCalledWith(SLUG);
  });

  it("is nobody for a paused, revoked or unknown link, a failing database, or an origin that is not plain", async () => {
    for (const found of [share("paused", ["https://client.example"]), share("revoked", ["https://client.example"]), null]) {
      state.findPublicShare.mockResolvedValueOnce(found);
      expect(await shareFrameAncestors(`/share/${SLUG}`)).toEqual([]);
    }
    state.findPublicShare.mockRejectedValueOnce(new Error("disk I/O error"));
    expect(await shareFrameAncestors(`/share/${SLUG}`)).toEqual([]);
    state.findPublicShare.mockResolvedValueOnce(share("active", ["https://a.example;script-src *", "https://b.example"]));
    expect(await shareFrameAncestors(`/share/${SLUG}`)).toEqual(["https://b.example"]);
  });

  it("never looks up a path that is not a share or a slug of the wrong shape", async () => {
    for (const path of ["/explore", "/share/", "/share/short", `/share/${SLUG}x`, "/shared/x", `/sharex/${SLUG}`]) expect(await shareFrameAncestors(path)).toEqual([]);
    expect(state.findPublicShare).not.toHaveBeenCalled();
  });
});
