import { describe, expect, it } from "vitest";
import { MAX_TILES, dashboardLayoutSchema, emptyDashboardLayout, type DashboardLayout, type Tile } from "./dashboard";
import {
  addTile,
  applyChange,
  applyLayoutChange,
  changeTile,
  hasChanges,
  moveTile,
  newTileId,
  removeTile,
  resizeTile,
  setBoardScope,
  startEditing,
  undo,
  UNDO_DEPTH,
  type DashboardDraft,
} from "./layout-edits";

const text = (id: string, markdown = id): Tile => ({ id, kind: "text", size: "small", markdown });
const board = (...ids: string[]): DashboardLayout => ({ ...emptyDashboardLayout(), tiles: ids.map((id) => text(id)) });
const order = (layout: DashboardLayout) => layout.tiles.map((tile) => tile.id);

describe("tile edits", () => {
  it("add at the end or at a position, never past the limit or twice", () => {
    expect(order(addTile(board("aaaaaa"), text("bbbbbb")))).toEqual(["aaaaaa", "bbbbbb"]);
    expect(order(addTile(board("aaaaaa", "bbbbbb"), text("cccccc"), 1))).toEqual(["aaaaaa", "cccccc", "bbbbbb"]);
    const full = board(...Array.from({ length: MAX_TILES }, (_, index) => `tile-${String(index).padStart(2, "0")}`));
    expect(addTile(full, text("extra1"))).toBe(full);
    const one = board("aaaaaa");
    expect(addTile(one, text("aaaaaa", "other"))).toBe(one);
  });

  it("remove by id; a missing id changes nothing", () => {
    const layout = board("aaaaaa", "bbbbbb");
    expect(order(removeTile(layout, "aaaaaa"))).toEqual(["bbbbbb"]);
    expect(removeTile(layout, "zzzzzz")).toBe(layout);
  });

  it("move a tile to any position, clamped", () => {
    const layout = board("aaaaaa", "bbbbbb", "cccccc", "dddddd");
    expect(order(moveTile(layout, "aaaaaa", 2))).toEqual(["bbbbbb", "cccccc", "aaaaaa", "dddddd"]);
    expect(order(moveTile(layout, "dddddd", 0))).toEqual(["dddddd", "aaaaaa", "bbbbbb", "cccccc"]);
    expect(order(moveTile(layout, "bbbbbb", 99))).toEqual(["aaaaaa", "cccccc", "dddddd", "bbbbbb"]);
    expect(moveTile(layout, "bbbbbb", 1)).toBe(layout);
    expect(moveTile(layout, "zzzzzz", 0)).toBe(layout);
  });

  it("resize and change a tile, keeping its id and kind", () => {
    const layout = board("aaaaaa", "bbbbbb");
    expect(resizeTile(layout, "bbbbbb", "wide").tiles[1]).toEqual({ ...text("bbbbbb"), size: "wide" });
    expect(resizeTile(layout, "bbbbbb", "small")).toBe(layout);
    const changed = changeTile(layout, "aaaaaa", () => ({ id: "hijack", kind: "current_visitors", size: "full", site: "CDBUGS" }) as Tile);
    expect(changed.tiles[0]).toMatchObject({ id: "aaaaaa", kind: "text", size: "full" });
  });

  it("set the board's range and filters", () => {
    const layout = board("aaaaaa");
    const scoped = setBoardScope(layout, { range: { preset: "last_7_days" }, filters: [{ property: "country_code", operator: "is", value: "DE" }] });
    expect(scoped).toMatchObject({ range: { preset: "last_7_days" }, filters: [{ value: "DE" }] });
    expect(setBoardScope(scoped, { range: { preset: "last_7_days" }, filters: [...scoped.filters] })).toBe(scoped);
  });

  it("make ids the layout schema accepts and the layout does not have yet", () => {
    const fixed = [new Uint8Array(12).fill(0), new Uint8Array(12).fill(1)];
    let call = 0;
    const random = () => fixed[Math.min(call++, 1)]!;
    const taken = board("AAAAAAAAAAAA");
    const id = newTileId(taken, random);
    expect(id).toBe("BBBBBBBBBBBB");
    expect(dashboardLayoutSchema.safeParse(addTile(taken, text(id))).success).toBe(true);
    expect(newTileId(emptyDashboardLayout())).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });
});

describe("edit history", () => {
  const draft = (layout: DashboardLayout, name = "Weekly"): DashboardDraft => ({ name, description: "", layout });

  it("undoes the last change, then the one before, naming each", () => {
    const saved = draft(board("aaaaaa", "bbbbbb"));
    let history = startEditing(saved);
    history = applyLayoutChange(history, (layout) => moveTile(layout, "bbbbbb", 0), "tile moved");
    history = applyLayoutChange(history, (layout) => resizeTile(layout, "aaaaaa", "full"), "tile resized");
    expect(order(history.present.layout)).toEqual(["bbbbbb", "aaaaaa"]);
    expect(hasChanges(history, saved)).toBe(true);

    const first = undo(history);
    expect(first.undone).toBe("tile resized");
    expect(first.history.present.layout.tiles[1]!.size).toBe("small");
    const second = undo(first.history);
    expect(second.undone).toBe("tile moved");
    expect(second.history.present).toEqual(saved);
    expect(hasChanges(second.history, saved)).toBe(false);
    expect(undo(second.history)).toEqual({ history: second.history, undone: null });
  });

  it("records nothing for a change that changed nothing", () => {
    const history = startEditing(draft(board("aaaaaa")));
    expect(applyLayoutChange(history, (layout) => removeTile(layout, "zzzzzz"), "tile removed")).toBe(history);
    expect(applyChange(history, draft(board("aaaaaa")), "renamed")).toBe(history);
    expect(applyChange(history, draft(board("aaaaaa"), "Monthly"), "renamed").past).toHaveLength(1);
  });

  it("joins a run of the same change into one when asked (typing a name)", () => {
    const saved = draft(board("aaaaaa"));
    let history = startEditing(saved);
    for (const name of ["W", "We", "Wee"]) history = applyChange(history, draft(board("aaaaaa"), name), "renamed", { coalesce: true });
    history = applyLayoutChange(history, (layout) => resizeTile(layout, "aaaaaa", "wide"), "tile resized");
    history = applyChange(history, draft(history.present.layout, "Week"), "renamed", { coalesce: true });
    expect(history.past.map((entry) => entry.change)).toEqual(["renamed", "tile resized", "renamed"]);
    const back = undo(undo(history).history).history;
    expect(back.present.name).toBe("Wee");
    expect(undo(back).history.present).toEqual(saved);
  });

  it("keeps a bounded number of changes", () => {
    let history = startEditing(draft(board("aaaaaa")));
    for (let index = 0; index < UNDO_DEPTH + 5; index++) history = applyChange(history, draft(board("aaaaaa"), `Name ${index}`), "renamed");
    expect(history.past).toHaveLength(UNDO_DEPTH);
    expect(history.past[0]!.draft.name).toBe("Name 4");
  });
});
