import { app, BrowserWindow, dialog, ipcMain, Notification, session } from 'electron';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rpcContract } from '../src-shared/rpc/contract';
import { appName } from './app/app-identity';
import { resolveDataDir } from './app/data-dir';
import { acquireInstanceLock, alreadyRunningMessage } from './app/instance-lock';
import { electronNotifications } from './app/os-notification';
import { startMain } from './app/start-main';
import { rpcChannel } from './preload/rpc-channel';
import { isOwnWindowCall, lockDownSession, lockDownWindow } from './window-security';

/**
 * The Electron shell, kept thin: one window, locked down, and the RPC table wired to IPC.
 * Everything behind it runs and is tested without Electron.
 */
let mainWindow: BrowserWindow | null = null;
const rendererFile = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const appUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(rendererFile).href;

const demo = process.argv.includes('--demo');

export async function startElectronShell(): Promise<void> {
  if (process.env.RESKONTRA_DATA_DIR === undefined) process.env.RESKONTRA_DATA_DIR = app.getPath('userData');
  const dataDir = resolveDataDir();
  // Electron's lock is per profile; this one is per data folder, and keeps browser mode out too.
  const attempt = await acquireInstanceLock(dataDir);
  if (!attempt.ok) throw new Error(alreadyRunningMessage(attempt.holder));
  const dispatch = await startMain({
    transport: 'electron',
    dataDir,
    demo,
    // Electron's class is looked up when a notification is asked for, not at start.
    showNotification: (message) => electronNotifications(Notification)(message),
    chooseSavePath: async (suggestedName) => {
      const options = { defaultPath: suggestedName, filters: [{ name: 'CSV', extensions: ['csv'] }] };
      const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
  });

  for (const method of Object.keys(rpcContract)) {
    ipcMain.handle(rpcChannel(method), async (event, input: unknown) => {
      if (!isOwnWindowCall(event, mainWindow, appUrl)) {
        return { ok: false, error: { code: 'forbidden', message: 'Calls are only answered for Reskontra’s own window.' } };
      }
      return dispatch(method, input);
    });
  }

  lockDownSession(session.defaultSession);
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 820,
    title: appName,
    show: false,
    // Written out here, not built by a helper, so electronegativity (npm test) can read every
    // value: the renderer gets no Node, no Electron, and runs in Chromium's sandbox.
    webPreferences: {
      preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click would open a link in a new window; window.open is denied as well.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  lockDownWindow(mainWindow);
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(appUrl);
}

// Demo data (and its IndexedDB cache, which lives in the profile) gets a folder of its own;
// set before the single-instance lock, which Electron keeps in that folder.
if (demo) app.setPath('userData', resolveDataDir(process.env, process.platform, true));

if (!app.requestSingleInstanceLock()) {
  // Another Reskontra runs with this profile: it shows its window (below), this one quits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(startElectronShell).catch((error: unknown) => {
    console.error(`Reskontra could not start: ${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
}
