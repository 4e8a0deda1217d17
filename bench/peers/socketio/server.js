'use strict';
// The Socket.IO peer of Daehwa's fan-out and idle benchmarks (bench/scenarios/fanout.sh, idle.sh).
//
// A minimal broadcast chat on Socket.IO 4 (Engine.IO v4 / Socket.IO v5 protocol), kept as close
// to Daehwa's shape as a chat without persistence can be:
//   POST /users    {"username","displayName"}            -> 201 {"id","username","token"}  (no password)
//   POST /rooms    {"name","members":[username...]}      -> 201 {"id"}  (Bearer; the caller owns it)
//   POST /messages {"roomId","content","clientMessageId"} -> 201 Message  (Bearer; members only, else 404)
//   GET  /health   -> 200
//   socket.io at /socket.io/, authenticated with the same Bearer token in the handshake's
//   Authorization header; a socket joins the rooms of its user when it connects. A posted message
//   goes to every socket in the room as the event "message.created" with Daehwa's Message JSON
//   shape (id, roomId, seq, sender, content, html, createdAt, editedAt, clientMessageId).
// Nothing is stored but users, tokens, rooms and per-room seq counters, in memory. Only 127.0.0.1.
// With `node --expose-gc`, GET /debug/gc runs a full GC (the idle benchmark's settle step), and
// GET /debug/memory answers process.memoryUsage().
const http = require('node:http');
const crypto = require('node:crypto');
const { Server } = require('socket.io');

const PORT = Number(process.env.PORT || 18200);
const HOST = '127.0.0.1';
const PING_INTERVAL_MS = Number(process.env.PING_INTERVAL_MS || 30000); // Daehwa: DAEHWA_WS_PING_SECONDS=30
const PING_TIMEOUT_MS = Number(process.env.PING_TIMEOUT_MS || 30000);   // ~ Daehwa's 60 s dead socket

const users = new Map();        // token -> {id, username, displayName}
const byName = new Map();       // username -> user
const rooms = new Map();        // roomId -> {id, name, members: Set<userId>, seq}
const roomsOfUser = new Map();  // userId -> Set<roomId>
let nextUserId = 1;
let nextRoomId = 1;
let nextMessageId = 1;

function send(res, status, body) {
    const json = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) });
    res.end(json);
}

function caller(headers) {
    const auth = headers.authorization || '';
    return auth.startsWith('Bearer ') ? users.get(auth.slice(7)) : undefined;
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function render(content) {
    const escaped = content.replace(/[&<>"']/g, (c) => ESCAPES[c]);
    return escaped
        .replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}" rel="nofollow noopener" target="_blank">${url}</a>`)
        .replace(/\n/g, '<br>');
}

function readJson(req, limit, done) {
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
        size += chunk.length;
        if (size > limit) {
            req.destroy();
            return;
        }
        chunks.push(chunk);
    });
    req.on('end', () => {
        try {
            done(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
        } catch (e) {
            done(undefined);
        }
    });
}

const server = http.createServer((req, res) => {
    const path = req.url.split('?')[0];
    if (req.method === 'GET' && path === '/health') {
        return send(res, 200, { status: 'UP' });
    }
    if (req.method === 'GET' && path === '/debug/memory') {
        return send(res, 200, process.memoryUsage());
    }
    if (req.method === 'GET' && path === '/debug/gc') {
        if (typeof global.gc !== 'function') {
            return send(res, 501, { detail: 'start node with --expose-gc' });
        }
        global.gc();
        return send(res, 200, process.memoryUsage());
    }
    if (req.method !== 'POST' || !['/users', '/rooms', '/messages'].includes(path)) {
        return send(res, 404, { detail: 'not found' });
    }
    readJson(req, 64 * 1024, (body) => {
        if (body === undefined || typeof body !== 'object' || body === null) {
            return send(res, 400, { detail: 'invalid JSON' });
        }
        if (path === '/users') {
            const username = String(body.username || '');
            if (!username || byName.has(username)) {
                return send(res, 409, { detail: 'username taken or missing' });
            }
            const user = { id: nextUserId++, username, displayName: String(body.displayName || username) };
            const token = crypto.randomBytes(24).toString('base64url');
            users.set(token, user);
            byName.set(username, user);
            roomsOfUser.set(user.id, new Set());
            return send(res, 201, { id: user.id, username, token });
        }
        const me = caller(req.headers);
        if (!me) {
            return send(res, 401, { detail: 'send Authorization: Bearer <token>' });
        }
        if (path === '/rooms') {
            const members = new Set([me.id]);
            for (const name of Array.isArray(body.members) ? body.members : []) {
                const user = byName.get(String(name));
                if (!user) {
                    return send(res, 400, { detail: `no user ${name}` });
                }
                members.add(user.id);
            }
            const room = { id: nextRoomId++, name: String(body.name || ''), members, seq: 0 };
            rooms.set(room.id, room);
            for (const id of members) {
                roomsOfUser.get(id).add(room.id);
            }
            return send(res, 201, { id: room.id, name: room.name, members: members.size });
        }
        // POST /messages
        const room = rooms.get(Number(body.roomId));
        const content = typeof body.content === 'string' ? body.content.trim() : '';
        if (!room || !room.members.has(me.id)) {
            return send(res, 404, { detail: 'no such room' });
        }
        if (!content || content.length > 10000) {
            return send(res, 400, { detail: 'content: 1-10,000 characters' });
        }
        room.seq += 1;
        const message = {
            id: nextMessageId++,
            roomId: room.id,
            seq: room.seq,
            sender: { id: me.id, username: me.username, displayName: me.displayName },
            content,
            html: render(content),
            createdAt: new Date().toISOString(),
            editedAt: null,
            clientMessageId: typeof body.clientMessageId === 'string' ? body.clientMessageId : null,
        };
        io.to(`r${room.id}`).emit('message.created', message);
        return send(res, 201, message);
    });
});
// The JDK HttpClient keeps idle connections for 30 s; Node's default of 5 s would close them
// under it and fail the next POST on a reused connection.
server.keepAliveTimeout = 65000;
server.headersTimeout = 66000;

const io = new Server(server, {
    transports: ['websocket'],
    pingInterval: PING_INTERVAL_MS,
    pingTimeout: PING_TIMEOUT_MS,
    serveClient: false,
    cors: { origin: `http://${HOST}:${PORT}` },
});

io.use((socket, next) => {
    const user = caller(socket.handshake.headers);
    if (!user) {
        return next(new Error('unauthorized'));
    }
    socket.data.user = user;
    return next();
});

io.on('connection', (socket) => {
    for (const roomId of roomsOfUser.get(socket.data.user.id)) {
        socket.join(`r${roomId}`);
    }
});

server.listen(PORT, HOST, () => {
    console.log(`socket.io peer listening on http://${HOST}:${PORT} pid ${process.pid} (socket.io ${require('socket.io/package.json').version}, node ${process.version})`);
});

function stop() {
    io.close();
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
