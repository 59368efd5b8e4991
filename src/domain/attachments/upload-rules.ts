/**
 * What an upload must be before its bytes are even looked at: a name that is only a name, and a
 * size between one byte and the installation's limit (ATTACHMENT_MAX_BYTES, 25 MB by default).
 */

export const DEFAULT_ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;
export const MAX_FILENAME_LENGTH = 255;

export type FilenameProblem = "filename_missing" | "filename_too_long" | "filename_control_characters" | "filename_path";
export type SizeProblem = "empty_file" | "file_too_large";

/** C0 and C1 controls, and the bidirectional overrides that make "gpj.exe" read as "exe.jpg". */
const CONTROL = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/**
 * The name the file is stored and offered under, or why it is refused: it is shown on pages and
 * sent back in Content-Disposition, so it may not carry a path, control characters or more than
 * 255 characters (most file systems' limit). Normalised to NFC, so "ä" typed two ways is one name.
 */
export function checkFilename(raw: string): { ok: true; filename: string } | { ok: false; problem: FilenameProblem } {
  const filename = raw.normalize("NFC");
  if (CONTROL.test(filename)) return { ok: false, problem: "filename_control_characters" };
  if (filename.trim() === "") return { ok: false, problem: "filename_missing" };
  if ([...filename].length > MAX_FILENAME_LENGTH) return { ok: false, problem: "filename_too_long" };
  // A name, not a path: no separator of any platform, and not "." or "..".
  if (/[/\\]/.test(filename) || filename === "." || filename === "..") return { ok: false, problem: "filename_path" };
  return { ok: true, filename };
}

export function checkSize(size: number, maxBytes: number): SizeProblem | null {
  if (size === 0) return "empty_file";
  return size > maxBytes ? "file_too_large" : null;
}
