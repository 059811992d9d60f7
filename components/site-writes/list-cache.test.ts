import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { listCache } from "./list-cache";

type Item = { id: string; name: string };
const KEY = ["items", { siteId: "S" }] as const;

describe("listCache", () => {
  it("appends, replaces, removes and restores items of a cached list", () => {
    const client = new QueryClient();
    client.setQueryData<Item[]>(KEY, [{ id: "a", name: "A" }]);
    const list = listCache<Item>(client, KEY);
    list.append({ id: "tmp", name: "B" });
    list.replace("tmp", { id: "b", name: "B" });
    expect(list.find("b")).toEqual({ id: "b", name: "B" });
    list.remove("a");
    list.restore({ id: "a", name: "A" });
    list.restore({ id: "a", name: "A" });
    expect(client.getQueryData(KEY)).toEqual([
      { id: "b", name: "B" },
      { id: "a", name: "A" },
    ]);
  });

  it("leaves a list that is not cached yet alone, except to start it with a new item", () => {
    const client = new QueryClient();
    const list = listCache<Item>(client, KEY);
    list.remove("a");
    list.replace("a", { id: "a", name: "A" });
    expect(client.getQueryData(KEY)).toBeUndefined();
    list.append({ id: "n", name: "N" });
    expect(client.getQueryData(KEY)).toEqual([{ id: "n", name: "N" }]);
  });
});
