/** Hands `text` to the browser as a file download named `name` (pages only). */
export function downloadFile(name: string, type: string, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  // After the download has started: revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
