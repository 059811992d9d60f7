"use client";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Dashboard, Tile } from "@/lib/dashboards/dashboard";
import { describeDashboardChangeList } from "@/lib/dashboards/describe-dashboard-changes";
import { sameScope } from "@/lib/dashboards/dashboard-url";
import * as edits from "@/lib/dashboards/layout-edits";
import type { BoardScope } from "@/lib/dashboards/tile-query";
import { reportDescriptionSchema, reportNameSchema, type SavedReport } from "@/lib/reports/saved-report";
import { EditorFields } from "./editor-fields";
import { DiscardDialog, SaveProblem } from "./editor-notices";
import { SortableTiles } from "./sortable-tiles";
import { SIZE_LABELS, type DashboardSite, type TileContext } from "./tile-context";
import { TileDialog } from "./tile-dialog";
import { TileEditBar } from "./tile-edit-bar";
import { TileView, tileName } from "./tile-registry";
import { useSaveDashboard } from "./use-save-dashboard";

export type DashboardEditorProps = {
  dashboard: Dashboard;
  reports: ReadonlyMap<number, SavedReport>;
  sites: ReadonlyMap<string, DashboardSite>;
  /** The board's range and filters now (the address's), which the tiles follow while editing too. */
  scope: BoardScope;
  /** The board's bar, with the editor's own addition. */
  renderBar: (extra: ReactNode) => ReactNode;
  /** A report picked for a tile, so the board knows it before saving. */
  onPickReport: (report: SavedReport) => void;
  /** Editing ends: `saved` after a save, none after "Cancel". */
  onClose: (saved?: Dashboard) => void;
};

type DialogState = null | { type: "add" } | { type: "settings"; id: string };
const ADD = "add-tile";

/**
 * Edit mode: add, remove, resize, change and reorder tiles (drag, keyboard or buttons), rename, undo the
 * last change, and save explicitly as one new version. Every change is announced; focus lands on the
 * tile a change concerns. Loaded only when an editor presses "Edit".
 */
export function DashboardEditor({ dashboard, reports, sites, scope, renderBar, onPickReport, onClose }: DashboardEditorProps) {
  const [start] = useState<edits.DashboardDraft>(() => ({ name: dashboard.name, description: dashboard.description, layout: dashboard.layout }));
  const [history, setHistory] = useState(() => edits.startEditing(start));
  const [announcement, setAnnouncement] = useState("");
  const [dialog, setDialog] = useState<DialogState>(null);
  const [discarding, setDiscarding] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const pendingFocus = useRef<string | null>(null);
  // A tile added or changed in the dialog: its handle takes focus once the dialog has closed.
  const dialogFocus = useRef<string | null>(null);
  const { save, overwrite, pending, error, conflict } = useSaveDashboard(dashboard, (saved) => onClose(saved));
  const draft = history.present;
  const tiles = draft.layout.tiles;
  const dirty = edits.hasChanges(history, start);

  const ctx = useMemo<TileContext>(() => ({ scope, reports, sites, editing: true }), [scope, reports, sites]);
  const nameOf = (tile: Tile) => tileName(tile, ctx);
  const names = { reportName: (id: number) => reports.get(id)?.name, siteName: (id: string) => sites.get(id)?.name };

  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) return;
    pendingFocus.current = null;
    (target === ADD ? addButton.current : handles.current.get(target))?.focus();
  }, [tiles]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  function change(edit: (layout: Dashboard["layout"]) => Dashboard["layout"], label: string, said: string) {
    setHistory((current) => edits.applyLayoutChange(current, edit, label));
    setAnnouncement(said);
  }

  function move(tile: Tile, to: number, announce: boolean) {
    const count = tiles.length;
    const target = Math.max(0, Math.min(to, count - 1));
    // At either end the button just pressed is disabled: focus goes to the tile's handle.
    if (target === 0 || target === count - 1) pendingFocus.current = tile.id;
    change((layout) => edits.moveTile(layout, tile.id, target), "tile moved", announce ? `${nameOf(tile)} moved to position ${target + 1} of ${count}.` : "");
  }

  function remove(tile: Tile) {
    const index = tiles.findIndex((item) => item.id === tile.id);
    pendingFocus.current = tiles[index + 1]?.id ?? tiles[index - 1]?.id ?? ADD;
    change((layout) => edits.removeTile(layout, tile.id), "tile removed", `${nameOf(tile)} removed. Undo brings it back.`);
  }

  function undoLast() {
    const { history: back, undone } = edits.undo(history);
    setHistory(back);
    setAnnouncement(undone ? `Undone: ${undone}.` : "Nothing to undo.");
  }

  function trySave() {
    const name = reportNameSchema.safeParse(draft.name);
    const description = reportDescriptionSchema.safeParse(draft.description);
    if (!name.success) {
      setNameError(name.error.issues[0]?.message.replace("the report", "the dashboard") ?? "Give the dashboard a name");
      nameInput.current?.focus();
      return;
    }
    setNameError(null);
    save({ ...draft, name: name.data, description: description.success ? description.data : draft.description });
  }

  const editing = dialog?.type === "settings" ? tiles.find((tile) => tile.id === dialog.id) : undefined;
  const keepScope = !sameScope(scope, { range: draft.layout.range, filters: draft.layout.filters });

  return (
    <section aria-labelledby="dashboard-editor-heading" className="flex flex-col gap-4">
      <div className="sticky top-0 z-20 -mx-4 flex flex-wrap items-center justify-between gap-3 border-b border-line bg-canvas/95 px-4 py-3 backdrop-blur">
        <h1 id="dashboard-editor-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold tracking-tight">
          Editing “{draft.name.trim() || dashboard.name}”
        </h1>
        <div className="flex flex-wrap gap-2">
          <button ref={addButton} type="button" className="rounded-md border border-line bg-surface px-3 py-2 text-sm font-medium hover:bg-canvas disabled:opacity-50" disabled={!edits.canAddTile(draft.layout)} onClick={() => setDialog({ type: "add" })}>
            Add a tile
          </button>
          <Button variant="secondary" onClick={undoLast} disabled={history.past.length === 0} aria-label={history.past.length ? `Undo: ${history.past.at(-1)!.change}` : "Undo"}>
            Undo
          </Button>
          <Button variant="ghost" onClick={() => (dirty ? setDiscarding(true) : onClose())} disabled={pending}>
            Cancel
          </Button>
          <Button onClick={trySave} disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </div>
      </div>
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      <SaveProblem error={error} conflict={conflict} pending={pending} onOverwrite={() => overwrite(draft)} onDiscard={() => onClose()} />
      <EditorFields
        name={draft.name}
        description={draft.description}
        nameError={nameError}
        nameRef={nameInput}
        onName={(name) => setHistory((current) => edits.applyChange(current, { ...current.present, name }, "renamed", { coalesce: true }))}
        onDescription={(description) =>
          setHistory((current) => edits.applyChange(current, { ...current.present, description }, "description changed", { coalesce: true }))
        }
      />
      {renderBar(
        keepScope ? (
          <Button
            variant="secondary"
            className="self-start py-1"
            onClick={() => change((layout) => edits.setBoardScope(layout, scope), "range and filters kept", "The dashboard now keeps this range and these filters.")}
          >
            Keep this range and these filters as the dashboard’s own
          </Button>
        ) : null,
      )}
      {tiles.length === 0 ? <p className="rounded-lg border border-dashed border-line p-8 text-center text-sm text-muted">No tiles yet: “Add a tile” puts the first one here.</p> : null}
      <SortableTiles
        tiles={tiles}
        nameOf={nameOf}
        onMove={(id, to) => {
          const tile = tiles.find((item) => item.id === id);
          if (tile) move(tile, to, false);
        }}
        renderTile={(tile, handle) => {
          const position = tiles.findIndex((item) => item.id === tile.id) + 1;
          return (
            <>
              <TileEditBar
                name={nameOf(tile)}
                size={tile.size}
                position={position}
                count={tiles.length}
                handle={handle}
                handleRef={(element) => (element ? handles.current.set(tile.id, element) : handles.current.delete(tile.id))}
                onMove={(to) => move(tile, to, true)}
                onResize={(size) => change((layout) => edits.resizeTile(layout, tile.id, size), "tile resized", `${nameOf(tile)} is now ${SIZE_LABELS[size].toLowerCase()}.`)}
                onSettings={() => setDialog({ type: "settings", id: tile.id })}
                onRemove={() => remove(tile)}
              />
              <TileView tile={tile} ctx={{ ...ctx, onRemove: () => remove(tile) }} />
            </>
          );
        }}
      />
      <TileDialog
        open={dialog !== null}
        onOpenChange={(open) => (open ? null : setDialog(null))}
        tile={editing}
        tileName={editing ? nameOf(editing) : undefined}
        sites={[...sites.values()]}
        onCloseAutoFocus={(event) => {
          const target = dialogFocus.current;
          if (target === null) return;
          event.preventDefault();
          dialogFocus.current = null;
          handles.current.get(target)?.focus();
        }}
        onDone={({ tile: choice, report }) => {
          if (report) onPickReport(report);
          if (editing) {
            change((layout) => edits.changeTile(layout, editing.id, () => ({ ...choice, id: editing.id }) as Tile), "tile changed", `${nameOf(editing)} changed.`);
            dialogFocus.current = editing.id;
          } else {
            const tile = { ...choice, id: edits.newTileId(draft.layout) } as Tile;
            const title = report ? report.name : tileName(tile, ctx);
            change((layout) => edits.addTile(layout, tile), "tile added", `${title} added at the end, position ${tiles.length + 1} of ${tiles.length + 1}.`);
            dialogFocus.current = tile.id;
          }
          setDialog(null);
        }}
      />
      <DiscardDialog
        open={discarding}
        onOpenChange={setDiscarding}
        changes={discarding ? describeDashboardChangeList(draft, start, names) : []}
        onDiscard={() => onClose()}
      />
    </section>
  );
}
