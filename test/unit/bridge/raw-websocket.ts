/**
 * A WebSocket client made of a bare TCP socket, for sending frames no well-behaved library would:
 * unmasked, reserved bits set, bad UTF-8, lying length headers.
 */
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { WS_PATH, WS_PROTOCOL_PREFIX } from '../../../preload/channels';

export interface RawFrameOptions {
  readonly fin?: boolean;
  readonly rsv1?: boolean;
  readonly masked?: boolean;
  /** Claim this payload length in the header instead of the real one. */
  readonly claimedLength?: number;
}

export function rawFrame(opcode: number, payload: Buffer, options: RawFrameOptions = {}): Buffer {
  const { fin = true, rsv1 = false, masked = true } = options;
  const length = options.claimedLength ?? payload.length;
  const first = (fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode;
  const maskBit = masked ? 0x80 : 0;
  let header: Buffer;
  if (length < 126) header = Buffer.from([first, maskBit | length]);
  else if (length < 65536) {
    header = Buffer.alloc(4);
    header.writeUInt16BE(length, 2);
    header[1] = maskBit | 126;
  } else {
    header = Buffer.alloc(10);
    header.writeBigUInt64BE(BigInt(length), 2);
    header[1] = maskBit | 127;
  }
  header[0] = first;
  if (!masked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([header, mask, body]);
}

export function closePayload(code: number): Buffer {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code);
  return payload;
}

/** One server frame as read off the wire (the server never masks nor fragments ours). */
export interface ServerFrame {
  readonly opcode: number;
  readonly payload: Buffer;
}

export interface RawSocket {
  send(bytes: Buffer): void;
  /** Resolves with the next frame from the server, or undefined once the connection has ended. */
  next(): Promise<ServerFrame | undefined>;
  /** Resolves with the close code the server sent (undefined if it closed without a close frame). */
  closeCode(): Promise<number | undefined>;
  readonly ended: Promise<void>;
  destroy(): void;
}

export interface RawUpgradeOptions {
  readonly origin: string;
  readonly token: string;
  readonly host?: string;
}

/** Performs a real upgrade; resolves with the socket after `101`, or rejects with the status line. */
export function rawUpgrade(options: RawUpgradeOptions): Promise<RawSocket> {
  const url = new URL(options.origin);
  const socket = net.connect(Number(url.port), url.hostname);
  let buffer = Buffer.alloc(0);
  let upgraded = false;
  const waiters: Array<() => void> = [];
  const wake = () => {
    for (const waiter of waiters.splice(0)) waiter();
  };
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  void ended.then(wake);

  const parse = (): ServerFrame | undefined => {
    if (buffer.length < 2) return undefined;
    let length = buffer[1]! & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (buffer.length < 4) return undefined;
      length = buffer.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (buffer.length < 10) return undefined;
      length = Number(buffer.readBigUInt64BE(2));
      offset = 10;
    }
    if (buffer.length < offset + length) return undefined;
    const frame = { opcode: buffer[0]! & 0x0f, payload: buffer.subarray(offset, offset + length) };
    buffer = buffer.subarray(offset + length);
    return frame;
  };

  const raw: RawSocket = {
    send: (bytes) => socket.write(bytes),
    async next() {
      for (;;) {
        const frame = parse();
        if (frame) return frame;
        if (socket.destroyed || socket.readableEnded) return undefined;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    async closeCode() {
      for (;;) {
        const frame = await raw.next();
        if (!frame) return undefined;
        if (frame.opcode === 0x8) return frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
      }
    },
    ended,
    destroy: () => socket.destroy(),
  };

  return new Promise((resolve, reject) => {
    socket.on('error', () => {});
    socket.on('end', wake);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!upgraded) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const statusLine = buffer.subarray(0, buffer.indexOf('\r\n')).toString('latin1');
        buffer = buffer.subarray(end + 4);
        if (!statusLine.includes(' 101 ')) {
          reject(new Error(statusLine));
          socket.destroy();
          return;
        }
        upgraded = true;
        resolve(raw);
      }
      wake();
    });
    socket.once('close', () => reject(new Error('closed before the upgrade')));
    socket.write(
      [
        `GET ${WS_PATH} HTTP/1.1`,
        `Host: ${options.host ?? url.host}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        `Sec-WebSocket-Protocol: ${WS_PROTOCOL_PREFIX}${options.token}`,
        `Origin: ${options.origin}`,
        '',
        '',
      ].join('\r\n'),
    );
  });
}
