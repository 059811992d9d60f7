"use client";

/**
 * Saves text as a CSV file in the browser. A byte-order mark goes first so spreadsheet apps read the
 * file as UTF-8 (page paths and cities are often not ASCII).
 */
export function downloadCsv(fileName: string, text: string): void {
  const blob = new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
