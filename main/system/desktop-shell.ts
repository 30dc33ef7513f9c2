/**
 * What only the desktop app can do for the user: a native folder dialog and the system's own viewer
 * for a file. Electron implements it in `main/app/desktop-shell.ts`; the web build has none, and the
 * capabilities that use it fall back to a folder field and an in-page viewer.
 */
export interface DesktopShell {
  /** Asks for a folder with the OS dialog; null when the user cancels. */
  chooseFolder(options: { readonly title: string; readonly defaultPath: string }): Promise<string | null>;
  /** Opens a file in the app the system uses for it; throws when none opened it. */
  openPath(filePath: string): Promise<void>;
}
