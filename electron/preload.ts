// The preload of the diagnostic window (sandboxed, bundled to one CommonJS file): exposes exactly
// the contract's Why500Api as `window.why500` — one named method per channel, no raw ipcRenderer.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  apiChannels,
  type AppSnapshot,
  type DiagnoseProgress,
  type PushChannel,
  type PushChannels,
  type Unsubscribe,
  type Why500Api,
} from '../shared/ipc/contract';

/** Subscribes to a push channel; the listener never sees the Electron event object. */
function listen<C extends PushChannel>(
  channel: C,
  listener: (payload: PushChannels[C]) => void,
): Unsubscribe {
  const handler = (_event: IpcRendererEvent, payload: PushChannels[C]) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const api = {
  getSnapshot: () => ipcRenderer.invoke(apiChannels.getSnapshot, undefined),
  getTimeline: (request) => ipcRenderer.invoke(apiChannels.getTimeline, request),
  startDiagnosis: (request) => ipcRenderer.invoke(apiChannels.startDiagnosis, request),
  cancelDiagnosis: (request) => ipcRenderer.invoke(apiChannels.cancelDiagnosis, request),
  runAction: (request) => ipcRenderer.invoke(apiChannels.runAction, request),
  getSettings: () => ipcRenderer.invoke(apiChannels.getSettings, undefined),
  saveSettings: (settings) => ipcRenderer.invoke(apiChannels.saveSettings, settings),
  testTarget: (target) => ipcRenderer.invoke(apiChannels.testTarget, target),
  getTokenState: () => ipcRenderer.invoke(apiChannels.getTokenState, undefined),
  setToken: (request) => ipcRenderer.invoke(apiChannels.setToken, request),
  clearToken: (request) => ipcRenderer.invoke(apiChannels.clearToken, request),
  allowPlainTextTokens: (request) => ipcRenderer.invoke(apiChannels.allowPlainTextTokens, request),
  getReport: (request) => ipcRenderer.invoke(apiChannels.getReport, request),
  copyReport: (request) => ipcRenderer.invoke(apiChannels.copyReport, request),
  saveReport: (request) => ipcRenderer.invoke(apiChannels.saveReport, request),
  openLink: (request) => ipcRenderer.invoke(apiChannels.openLink, request),
  quitApp: () => ipcRenderer.invoke(apiChannels.quitApp, undefined),
  pauseMonitoring: (request) => ipcRenderer.invoke(apiChannels.pauseMonitoring, request),
  resumeMonitoring: () => ipcRenderer.invoke(apiChannels.resumeMonitoring, undefined),
  snoozeNotifications: (request) => ipcRenderer.invoke(apiChannels.snoozeNotifications, request),
  unsnoozeNotifications: () => ipcRenderer.invoke(apiChannels.unsnoozeNotifications, undefined),
  answerLoginOffer: (request) => ipcRenderer.invoke(apiChannels.answerLoginOffer, request),
  moveToApplications: () => ipcRenderer.invoke(apiChannels.moveToApplications, undefined),
  onSnapshot: (listener: (snapshot: AppSnapshot) => void) => listen(apiChannels.onSnapshot, listener),
  onDiagnoseProgress: (listener: (progress: DiagnoseProgress) => void) =>
    listen(apiChannels.onDiagnoseProgress, listener),
  onShowView: (listener) => listen(apiChannels.onShowView, listener),
} satisfies Why500Api;

contextBridge.exposeInMainWorld('why500', api);
