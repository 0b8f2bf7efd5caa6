// vscode-languageclient 10+ traces only when its LogOutputChannel is at Trace level, which
// users rarely set; this view of the server channel makes `predicthqTokens.trace.server`
// work as the setting says: when it is not "off" the client traces, and trace lines are
// written at info level so they show (and persist) without changing the log level.
import * as vscode from 'vscode';
import { SECTION } from '../constants';

const KEY = 'trace.server';

function traceOn(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<string>(KEY, 'off') !== 'off';
}

export function traceChannel(channel: vscode.LogOutputChannel): vscode.LogOutputChannel & vscode.Disposable {
  const levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  const level = () => (traceOn() ? vscode.LogLevel.Trace : channel.logLevel);
  const subscriptions = [
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.${KEY}`)) levelChanged.fire(level());
    }),
    channel.onDidChangeLogLevel(() => levelChanged.fire(level())),
  ];
  const dispose = () => {
    subscriptions.forEach((d) => d.dispose());
    levelChanged.dispose();
  };
  return new Proxy(channel as vscode.LogOutputChannel & vscode.Disposable, {
    get(target, prop, receiver) {
      switch (prop) {
        case 'logLevel':
          return level();
        case 'onDidChangeLogLevel':
          return levelChanged.event;
        case 'trace':
          return (message: string, ...args: unknown[]) => target.info(message, ...args);
        case 'dispose':
          return dispose; // the channel itself is owned (and disposed) by the extension
        default: {
          const v: unknown = Reflect.get(target, prop, receiver);
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        }
      }
    },
  });
}
