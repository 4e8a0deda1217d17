// The live connection of the chat pages (my rooms and a room): one WebSocket to /ws, speaking the
// protocol in docs/websocket-protocol.md. It reconnects with backoff and jitter, resumes the open
// room from the last seq on screen (so nothing is lost or shown twice), keeps the room list, the
// unread badges and the page title current, relays typing, shows presence, and, if the user asks
// for it, shows desktop notifications for messages they are not looking at.
(function () {
    'use strict';

    var MAX_BACKOFF = 30000;
    var TYPING_EVERY = 2500;
    var TYPING_SHOWN_FOR = 4000;
    var TOO_MANY_SOCKETS = 4008;

    function Live(chat) {
        this.chat = chat;
        this.base = chat.dataset.base;
        this.viewer = chat.dataset.viewer;
        this.status = document.getElementById('live-status');
        this.list = document.getElementById('rooms');
        this.template = document.getElementById('room-template');
        this.title = document.title.replace(/^\((@\d+ · )?\d+\) /, '');
        this.attempt = 0;
        this.lastTyping = 0;
        this.typers = {};
    }

    Live.prototype.connect = function () {
        var self = this;
        var url = new URL(this.chat.dataset.ws, location.href);
        url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
        // This page resumes on every connection: the server holds live events until the replay is sent.
        url.searchParams.set('resume', '1');
        var socket = new WebSocket(url);
        this.socket = socket;
        socket.onmessage = function (event) {
            self.receive(JSON.parse(event.data));
        };
        socket.onclose = function (event) {
            if (self.socket !== socket) {
                return;
            }
            if (event.code === 4401) {
                // Signed out (here, in another tab, or everywhere): the server sends the page to login.
                location.reload();
                return;
            }
            self.socket = null;
            self.resumed = false;
            if (event.code === TOO_MANY_SOCKETS) {
                // A newer tab took this one's place; reconnecting would only push out the next oldest.
                self.status.textContent = self.chat.dataset.textReplaced;
                return;
            }
            self.status.textContent = self.chat.dataset.textReconnecting;
            // Exponential backoff with full jitter, so a restarted server is not hit all at once.
            var ceiling = Math.min(MAX_BACKOFF, 1000 * Math.pow(2, self.attempt++));
            setTimeout(function () {
                self.connect();
            }, ceiling / 2 + Math.random() * ceiling / 2);
        };
    };

    Live.prototype.send = function (frame) {
        if (this.socket && this.socket.readyState === WebSocket.OPEN) {
            this.socket.send(JSON.stringify(frame));
        }
    };

    Live.prototype.room = function () {
        return Daehwa.room || null;
    };

    Live.prototype.receive = function (frame) {
        var room = this.room();
        var inRoom = function (roomId) {
            return room && room.roomId === roomId;
        };
        switch (frame.type) {
            case 'hello':
                this.status.textContent = '';
                var rooms = {};
                if (room) {
                    rooms[room.roomId] = room.lastSeq();
                }
                this.send({type: 'resume', rooms: rooms});
                break;
            case 'resumed':
                // Only a completed resume resets the backoff: a socket closed for too many
                // resumes (4029) or for being too far behind (1013) reconnects ever more slowly.
                this.attempt = 0;
                this.resumed = true;
                break;
            case 'resync':
                if (inRoom(frame.roomId)) {
                    location.reload(); // too much was missed to replay; the page loads it fresh
                }
                break;
            case 'message.created':
                if (inRoom(frame.message.roomId)) {
                    room.received(frame.message);
                }
                this.listMessage(frame.message, !inRoom(frame.message.roomId) || document.hidden);
                this.clearTyping(frame.message.roomId, frame.message.sender.username);
                break;
            case 'message.updated':
                if (inRoom(frame.message.roomId)) {
                    room.updated(frame.message);
                }
                break;
            case 'message.reactions':
                if (inRoom(frame.roomId)) {
                    room.reactionsChanged(frame.messageId, frame.reactions);
                }
                break;
            case 'message.deleted':
                if (inRoom(frame.roomId)) {
                    room.deleted(frame.messageId);
                }
                break;
            case 'unread':
                this.setMentions(frame.roomId, frame.mentionCount);
                this.setUnread(frame.roomId, frame.unreadCount, frame.unreadCountCapped);
                break;
            case 'room.updated':
                this.listRoom(frame.room);
                if (inRoom(frame.room.id)) {
                    document.getElementById('room-name').textContent = frame.room.name;
                    if (frame.room.kind !== 'direct') {
                        document.getElementById('room-description').textContent = frame.room.description;
                    }
                    var count = document.getElementById('member-count');
                    if (count) {
                        count.textContent = frame.room.members.length;
                    }
                }
                break;
            case 'room.removed':
                var entry = this.entry(frame.roomId);
                if (entry) {
                    entry.remove();
                }
                if (inRoom(frame.roomId)) {
                    // Removed by the owner (or left in another tab): the room goes, quietly.
                    var notice = document.createElement('p');
                    notice.className = 'pick-room removed-notice';
                    notice.setAttribute('role', 'status');
                    notice.textContent = this.chat.dataset.textRemoved;
                    document.getElementById('room').replaceChildren(notice);
                    Daehwa.room = null;
                }
                this.updateTitle();
                break;
            case 'typing':
                this.showTyping(frame.roomId, frame.user);
                break;
            case 'presence':
                document.querySelectorAll('[data-presence-for="' + CSS.escape(frame.user.username) + '"]')
                    .forEach(function (dot) {
                        dot.classList.toggle('online', frame.status === 'online');
                    });
                break;
        }
    };

    // ---- the room list ------------------------------------------------------------------------

    Live.prototype.entry = function (roomId) {
        return this.list && this.list.querySelector('li.room[data-room-id="' + roomId + '"]');
    };

    /** "Minji: the start of her message": the snippet is the server's, as on the page it rendered. */
    function lastLine(message) {
        return message.sender.displayName + ': ' + message.snippet;
    }

    /**
     * A new message moves its room to the top with the new last line. Others' messages add one to
     * the room's unread count here at once, without waiting for the server; the server's count
     * replaces it as soon as one arrives (room.updated, unread, or the next page load).
     */
    Live.prototype.listMessage = function (message, notify) {
        var entry = this.entry(message.roomId);
        if (!entry) {
            return;
        }
        entry.querySelector('.room-last').textContent = lastLine(message);
        var time = entry.querySelector('.room-time');
        time.setAttribute('datetime', message.createdAt);
        Daehwa.formatTimes(entry);
        this.list.prepend(entry);
        var mine = message.sender.username === this.viewer;
        if (!mine && !this.isOpen(message.roomId)) {
            var unread = this.unread(message.roomId);
            if (this.mentionsMe(message) || entry.dataset.kind === 'direct') {
                this.setMentions(message.roomId, this.mentions(message.roomId) + 1);
            }
            this.setUnread(message.roomId, unread.count + 1, unread.capped);
        }
        if (!mine && notify) {
            this.notify(entry.querySelector('.room-name').textContent, message);
        }
    };

    /** A room that changed, or just appeared because someone added me. */
    Live.prototype.listRoom = function (json) {
        if (!this.list || !this.template) {
            return;
        }
        var entry = this.entry(json.id);
        if (!entry) {
            entry = this.template.content.firstElementChild.cloneNode(true);
            entry.dataset.roomId = json.id;
            entry.querySelector('a').href = this.base + 'rooms/' + json.id;
            entry.querySelector('.room-last').textContent = json.latestMessage
                ? lastLine(json.latestMessage)
                : this.chat.dataset.textNoMessages;
            var time = entry.querySelector('.room-time');
            time.setAttribute('datetime', json.latestMessage ? json.latestMessage.createdAt : json.createdAt);
            Daehwa.formatTimes(entry);
            this.list.prepend(entry);
            var empty = document.querySelector('.room-list-pane .empty');
            if (empty) {
                empty.remove();
            }
        }
        entry.querySelector('.room-name').textContent = json.name;
        // A direct room is shown as its person: their name (the room's, for me) under their initial.
        entry.dataset.kind = json.kind;
        entry.classList.toggle('direct', json.kind === 'direct');
        entry.querySelector('.room-avatar').textContent = json.kind === 'direct' && json.name
            ? String.fromCodePoint(json.name.codePointAt(0)).toUpperCase() : '';
        this.setMentions(json.id, json.mentionCount);
        this.setUnread(json.id, json.unreadCount, json.unreadCountCapped);
    };

    // ---- unread mentions ------------------------------------------------------------------------
    // Kept like the unread count: data-mention-count holds the server's count, a message that
    // mentions me adds one until the server's next count replaces it.

    Live.prototype.mentionsMe = function (message) {
        var viewer = this.viewer;
        return (message.mentions || []).some(function (user) {
            return user.username === viewer;
        });
    };

    Live.prototype.mentions = function (roomId) {
        var entry = this.entry(roomId);
        return entry ? Number(entry.dataset.mentionCount) || 0 : 0;
    };

    Live.prototype.shownMentions = function (roomId) {
        return this.isOpen(roomId) ? 0 : this.mentions(roomId);
    };

    Live.prototype.setMentions = function (roomId, count) {
        var entry = this.entry(roomId);
        if (!entry || typeof count !== 'number') {
            return;
        }
        entry.dataset.mentionCount = String(count);
        var shown = this.shownMentions(roomId);
        var badge = entry.querySelector('.room-mentions');
        badge.classList.toggle('is-empty', shown <= 0);
        badge.querySelector('.count').textContent = '@' + shown;
        badge.querySelector('.visually-hidden').textContent = this.chat.dataset.textMentions.replace('{0}', shown);
    };

    // ---- unread counts --------------------------------------------------------------------------
    // Each entry keeps the server's unread count and whether it is capped in data-unread-count and
    // data-unread-capped (rendered by the page, replaced by every count the server sends); the
    // badge and the title only show them, and nothing is read back from their text.

    /** The open room: its entry shows no badge, whatever its count. */
    Live.prototype.isOpen = function (roomId) {
        var room = this.room();
        if (room) {
            return room.roomId === roomId;
        }
        var entry = this.entry(roomId); // before room.js has started, the page marked it
        return !!entry && entry.classList.contains('current');
    };

    /** {count, capped}; capped: the server counted only the newest messages, and more lie unread before them. */
    Live.prototype.unread = function (roomId) {
        var entry = this.entry(roomId);
        return {
            count: entry ? Number(entry.dataset.unreadCount) || 0 : 0,
            capped: !!entry && entry.dataset.unreadCapped === 'true'
        };
    };

    Live.prototype.shownUnread = function (roomId) {
        return this.isOpen(roomId) ? 0 : this.unread(roomId).count;
    };

    Live.prototype.setUnread = function (roomId, count, capped) {
        var entry = this.entry(roomId);
        if (entry) {
            entry.dataset.unreadCount = String(count);
            entry.dataset.unreadCapped = String(!!capped);
            var shown = this.shownUnread(roomId);
            var badge = entry.querySelector('.room-unread');
            badge.classList.toggle('is-empty', shown <= 0);
            var text = shown + (capped && shown > 0 ? '+' : '');
            badge.querySelector('.count').textContent = text;
            badge.querySelector('.visually-hidden').textContent = this.chat.dataset.textUnread.replace('{0}', text);
        }
        this.updateTitle();
    };

    /** "(3) Daehwa", or "(@1 · 3) Daehwa" when one of them mentions me: every room's, in the tab's title. */
    Live.prototype.updateTitle = function () {
        var total = 0;
        var mentions = 0;
        var self = this;
        if (this.list) {
            this.list.querySelectorAll('li.room').forEach(function (entry) {
                total += self.shownUnread(Number(entry.dataset.roomId));
                mentions += self.shownMentions(Number(entry.dataset.roomId));
            });
        }
        var counts = (mentions > 0 ? '@' + mentions + ' · ' : '') + total;
        document.title = (total > 0 ? '(' + counts + ') ' : '') + this.title;
    };

    // ---- typing ---------------------------------------------------------------------------------

    /** Called by the composer on input; the server relays at most one per 3 s anyway. */
    Live.prototype.typing = function (roomId) {
        var now = Date.now();
        if (now - this.lastTyping > TYPING_EVERY) {
            this.lastTyping = now;
            this.send({type: 'typing', roomId: roomId});
        }
    };

    Live.prototype.showTyping = function (roomId, user) {
        var self = this;
        var room = this.room();
        if (!room || room.roomId !== roomId) {
            return;
        }
        clearTimeout(this.typers[user.username]);
        this.typers[user.username] = setTimeout(function () {
            self.clearTyping(roomId, user.username);
        }, TYPING_SHOWN_FOR);
        this.typers[user.username + ':name'] = user.displayName;
        this.renderTyping();
    };

    Live.prototype.clearTyping = function (roomId, username) {
        clearTimeout(this.typers[username]);
        delete this.typers[username];
        delete this.typers[username + ':name'];
        this.renderTyping();
    };

    Live.prototype.renderTyping = function () {
        var line = document.getElementById('typing');
        if (!line) {
            return;
        }
        var self = this;
        var names = Object.keys(this.typers).filter(function (key) {
            return key.endsWith(':name');
        }).map(function (key) {
            return self.typers[key];
        });
        line.textContent = names.length ? this.chat.dataset.textTyping.replace('{0}', names.join(', ')) : '';
    };

    // ---- desktop notifications (opt-in) -------------------------------------------------------

    Live.prototype.offerNotifications = function () {
        var button = document.getElementById('notify');
        if (!button || !('Notification' in window) || Notification.permission !== 'default') {
            return;
        }
        button.hidden = false;
        button.addEventListener('click', function () {
            Notification.requestPermission().then(function () {
                button.hidden = true;
            });
        });
    };

    Live.prototype.notify = function (roomName, message) {
        if (!('Notification' in window) || Notification.permission !== 'granted') {
            return;
        }
        var shown = new Notification(roomName + ' · ' + message.sender.displayName,
            {body: message.snippet, tag: 'room-' + message.roomId});
        var base = this.base;
        shown.onclick = function () {
            window.focus();
            location.href = base + 'rooms/' + message.roomId;
        };
    };

    document.addEventListener('DOMContentLoaded', function () {
        var chat = document.getElementById('chat');
        if (chat && 'WebSocket' in window) {
            Daehwa.live = new Live(chat);
            Daehwa.live.updateTitle();
            Daehwa.live.offerNotifications();
            Daehwa.live.connect();
        }
    });
})();
