/**
 * The sandboxed preload: `window.tuner` is exactly the contract's methods over `ipcRenderer.invoke`.
 * ipcRenderer itself is never handed to the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../../shared/api';
import { IPC_PREFIX } from '../../shared/channels';

contextBridge.exposeInMainWorld(
  'tuner',
  createApi((channel, request) => ipcRenderer.invoke(IPC_PREFIX + channel, request)),
);
