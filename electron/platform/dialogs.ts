/** The system's file dialog, for the PEM CA files the wizard asks for (the DC's, the tenant endpoint's). */
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

export type CaFilePurpose = 'directory' | 'tenant';

const TITLES: Readonly<Record<CaFilePurpose, string>> = {
  directory: 'Choose the CA certificate that issued your domain controller’s certificate',
  tenant: 'Choose the CA certificate of the tenant endpoint',
};

export function caFileDialogOptions(purpose: CaFilePurpose): OpenDialogOptions {
  return {
    title: TITLES[purpose],
    buttonLabel: 'Use this certificate',
    properties: ['openFile', 'dontAddToRecent'],
    filters: [
      { name: 'PEM certificates', extensions: ['pem', 'crt', 'cer'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
}

/** The chosen file's path, or undefined when the user cancelled. Modal to `window` when given. */
export async function chooseCaFile(
  window: BrowserWindow | null,
  purpose: CaFilePurpose,
): Promise<string | undefined> {
  const options = caFileDialogOptions(purpose);
  const result =
    window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
  return result.canceled ? undefined : result.filePaths[0];
}

/** Where to save the exported event log; undefined when the user cancelled. */
export async function chooseEventsExportFile(window: BrowserWindow | null): Promise<string | undefined> {
  const options: SaveDialogOptions = {
    title: 'Export the sync events',
    buttonLabel: 'Export',
    defaultPath: `phs-events-${new Date().toISOString().slice(0, 10)}.tsv`,
    filters: [
      { name: 'Tab-separated values', extensions: ['tsv', 'txt'] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const result =
    window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
  return result.canceled || result.filePath === undefined || result.filePath === ''
    ? undefined
    : result.filePath;
}
