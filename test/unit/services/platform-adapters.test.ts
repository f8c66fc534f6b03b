/** The thin Electron adapters the wizard added, with electron mocked (it cannot load here). */
import { describe, expect, it, vi } from 'vitest';

const showOpenDialog = vi.fn();
vi.mock('electron', () => ({ dialog: { showOpenDialog } }));

const { caFileDialogOptions, chooseCaFile } = await import('../../../electron/platform/dialogs.ts');

describe('the CA file dialog', () => {
  it('asks for one PEM file, modal to the window when there is one, and returns its path', async () => {
    const window = { id: 1 } as never;
    showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/admin/corp-ca.pem'] });
    expect(await chooseCaFile(window, 'directory')).toBe('/home/admin/corp-ca.pem');
    expect(showOpenDialog).toHaveBeenLastCalledWith(window, caFileDialogOptions('directory'));
    expect(caFileDialogOptions('directory')).toMatchObject({
      properties: ['openFile', 'dontAddToRecent'],
      filters: [
        { name: 'PEM certificates', extensions: ['pem', 'crt', 'cer'] },
        { name: 'All files', extensions: ['*'] },
      ],
    });
  });

  it('returns nothing when the user cancels', async () => {
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await chooseCaFile(null, 'tenant')).toBeUndefined();
    expect(showOpenDialog).toHaveBeenLastCalledWith(caFileDialogOptions('tenant'));
  });
});
