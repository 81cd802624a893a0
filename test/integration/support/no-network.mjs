// Preloaded (NODE_OPTIONS=--import=…) into a child process and every worker thread it starts: any attempt to
// reach the network throws, and is written to $NO_NETWORK_LOG so the test can prove none was made.
import { appendFileSync } from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { isMainThread } from 'node:worker_threads';

const log = process.env.NO_NETWORK_LOG;

/** A local IPC socket (a file path), such as tsx's own pipe, is not the network. */
function isLocalSocket(args) {
  // Socket#connect is also called with its arguments already normalised into an array.
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'string' && first.startsWith('/')) return true;
  return typeof first === 'object' && first !== null && typeof first.path === 'string';
}

function blocked(what, original) {
  return function (...args) {
    if (original && isLocalSocket(args)) return original.apply(this, args);
    const target = String(typeof args[0] === 'object' && args[0] !== null ? (args[0].href ?? args[0].host ?? args[0].hostname ?? JSON.stringify(args[0])) : args[0]);
    if (log) appendFileSync(log, `${isMainThread ? 'main' : 'worker'} ${what} ${target}\n`);
    const error = new Error(`network blocked by test: ${what} ${target}`);
    error.code = 'ENETUNREACH';
    throw error;
  };
}

globalThis.fetch = async (...args) => blocked('fetch')(...args);
http.request = blocked('http.request');
http.get = blocked('http.get');
https.request = blocked('https.request');
https.get = blocked('https.get');
net.connect = blocked('net.connect', net.connect);
net.createConnection = blocked('net.createConnection', net.createConnection);
net.Socket.prototype.connect = blocked('socket.connect', net.Socket.prototype.connect);
tls.connect = blocked('tls.connect');
dns.lookup = blocked('dns.lookup');
dns.promises.lookup = async (...args) => blocked('dns.lookup')(...args);
