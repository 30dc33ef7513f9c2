/** The desktop shell over Electron: the native folder dialog and the system viewer (`shell.openPath`). */
import { BrowserWindow, dialog, shell } from 'electron';
import type { DesktopShell } from '../system/desktop-shell';

/** The Electron implementation of {@link DesktopShell}. */
export function createElectronDesktopShell(): DesktopShell {
  return {
    async chooseFolder({ title, defaultPath }) {
      const options: Electron.OpenDialogOptions = {
        title,
        defaultPath,
        buttonLabel: 'Use this folder',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      };
      // Modal to the window the user is in, when there is one.
      const parent = BrowserWindow.getFocusedWindow();
      const answer = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return answer.canceled ? null : (answer.filePaths[0] ?? null);
    },
    async openPath(filePath) {
      // shell.openPath resolves to an error text ('' on success) instead of rejecting.
      const problem = await shell.openPath(filePath);
      if (problem) throw new Error(problem);
    },
  };
}
