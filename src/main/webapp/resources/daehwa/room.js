// The room page. The server renders the newest history; from then on this script talks to the
// REST API, exactly as any other client does: POST /api/messages to send (with a clientMessageId,
// so a retry after a failure never posts twice), GET /api/messages?before= for older pages,
// PATCH and DELETE /api/messages/{id} to edit and delete. Every call sends X-Requested-With, which
// the API requires of cookie-authenticated changes (CSRF). New messages are built from the page's
// <template>, the same markup the server used, and their text is the server's html rendering;
// Edit and Delete appear as the message's mayEdit and mayDelete say; the reaction bar under each
// message is drawn from its reactions, and PUT and DELETE /api/messages/{id}/reactions/{emoji}
// toggle the viewer's own. Messages are grouped under
// their author's name and separated by day (arrange), and the composer's text is kept per room
// in the browser until it is sent (drafts). Reply puts the message answered above the composer;
// a reply shows its quote (the server's replyTo), which scrolls to the original when clicked.
(function () {
    'use strict';

    var PAGE = 50;

    function RoomPage(root) {
        this.root = root;
        this.roomId = Number(root.dataset.roomId);
        this.api = root.dataset.api;
        this.viewer = root.dataset.viewer;
        this.viewerId = root.dataset.viewerId;
        this.maxLength = Number(root.dataset.maxLength);
        this.list = document.getElementById('messages');
        this.template = document.getElementById('message-template');
        this.text = document.getElementById('composer-text');
        this.send = document.getElementById('composer-send');
        this.count = document.getElementById('composer-count');
        this.error = document.getElementById('composer-error');
        // Opened at a search result far back: newer messages exist past the last one shown, so
        // live messages are not appended after the gap; "jump to latest" shows them.
        this.hasNewer = root.dataset.hasNewer === 'true';
        this.newestSeq = Number(root.dataset.lastSeq);
        this.focusSeq = Number(root.dataset.focusSeq);
        this.replyBar = document.getElementById('composer-reply');
        this.replyTo = null; // {id, seq, author, excerpt} while Reply is on
    }

    RoomPage.prototype.start = function () {
        var self = this;
        document.getElementById('composer').addEventListener('submit', function (event) {
            event.preventDefault();
            self.post();
        });
        this.text.addEventListener('keydown', function (event) {
            // While an IME is composing Hangul, Enter commits the syllable; it must not send.
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
                event.preventDefault();
                self.post();
            } else if (event.key === 'Escape' && self.replyTo) {
                // the mention picker, when open, takes Esc first and closes itself instead
                event.preventDefault();
                self.cancelReply();
            }
        });
        document.getElementById('composer-reply-cancel').addEventListener('click', function () {
            self.cancelReply();
            self.text.focus();
        });
        this.text.addEventListener('input', function () {
            self.updateComposer();
            self.draftChanged();
            if (self.text.value.trim() && Daehwa.live) {
                Daehwa.live.typing(self.roomId);
            }
        });
        this.list.addEventListener('click', function (event) {
            var button = event.target.closest('button');
            if (!button) {
                return;
            }
            var item = button.closest('li.message');
            if (button.id === 'load-older') {
                self.loadOlder(button);
            } else if (item && button.classList.contains('message-edit')) {
                self.startEdit(item);
            } else if (item && button.classList.contains('message-delete')) {
                self.remove(item);
            } else if (item && button.classList.contains('message-reply')) {
                self.startReply(item);
            } else if (button.classList.contains('message-quote')) {
                self.showOriginal(Number(button.dataset.replySeq));
            } else if (item && button.classList.contains('reaction')) {
                self.toggleReaction(item, button.dataset.emoji, button.getAttribute('aria-pressed') !== 'true');
            } else if (item && button.classList.contains('reaction-add')) {
                self.togglePicker(item, button);
            } else if (item && button.classList.contains('reaction-choice')) {
                self.toggleReaction(item, button.dataset.emoji, true);
            }
        });
        this.list.addEventListener('submit', function (event) {
            var item = event.target.closest('li.message');
            if (item && event.target.classList.contains('reaction-other')) {
                event.preventDefault();
                var typed = event.target.querySelector('input').value.trim();
                if (typed) {
                    self.toggleReaction(item, typed, true);
                }
            }
        });
        this.list.querySelectorAll('li.message .message-reactions').forEach(function (bar) {
            self.drawReactions(bar, JSON.parse(bar.dataset.reactions || '[]'));
        });
        this.arrange(this.list.querySelectorAll('li.message'));
        this.renameDaysAtMidnight();
        this.startDraft();
        this.updateComposer();
        document.addEventListener('visibilitychange', function () {
            if (!document.hidden) {
                self.markReadSoon();
            }
        });
        var divider = document.getElementById('unread-divider');
        if (this.focusSeq) {
            this.focus();
        } else if (divider) {
            divider.scrollIntoView({block: 'start'});
        } else {
            this.scrollToEnd();
        }
        // Opening the page moved nothing on the server (a GET changes no state): what is now on
        // screen is marked read from here, with the API's CSRF header.
        this.markRead();
    };

    // ---- talking to the API ----------------------------------------------------------------

    RoomPage.prototype.call = function (method, path, body) {
        var headers = {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'};
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        return fetch(this.api + path, {
            method: method, headers: headers, credentials: 'same-origin',
            body: body === undefined ? undefined : JSON.stringify(body)
        }).then(function (response) {
            if (response.status === 204) {
                return null;
            }
            return response.json().catch(function () {
                return {};
            }).then(function (json) {
                if (!response.ok) {
                    var problem = new Error(json.detail || json.title || response.statusText);
                    problem.status = response.status;
                    throw problem;
                }
                return json;
            });
        });
    };

    RoomPage.prototype.explain = function (problem) {
        return problem.status ? problem.message : this.root.dataset.textFailed;
    };

    // ---- composer ----------------------------------------------------------------------------

    function length(text) {
        return Array.from(text.trim()).length; // code points, as the server counts
    }

    RoomPage.prototype.updateComposer = function () {
        var used = length(this.text.value);
        var tooLong = used > this.maxLength;
        this.send.disabled = used === 0 || tooLong;
        if (used >= this.maxLength * 0.9) {
            this.count.textContent = this.format(this.root.dataset.textCount, used);
            this.count.classList.toggle('over', tooLong);
        } else {
            this.count.textContent = '';
        }
        this.error.textContent = tooLong ? this.format(this.root.dataset.textTooLong, used) : '';
    };

    RoomPage.prototype.format = function (pattern, used) {
        return pattern.replace('{0}', used.toLocaleString()).replace('{1}', this.maxLength.toLocaleString());
    };

    /**
     * Shows the message at once as pending, then posts it. The server's copy (from this response
     * or from the socket, whichever comes first) replaces it, matched by clientMessageId. A failed
     * send stays on screen with a Retry button that posts the same clientMessageId again, so the
     * server stores it once however many times it is tried.
     */
    RoomPage.prototype.post = function () {
        var content = this.text.value;
        if (this.send.disabled) {
            return;
        }
        var clientId = newClientId();
        var replyTo = this.replyTo;
        var pending = this.pendingItem(clientId, content, replyTo);
        this.cancelReply();
        this.list.append(pending);
        this.arrange([pending]);
        this.keepDraft(content); // until the server has it
        var empty = document.getElementById('no-messages');
        if (empty) {
            empty.remove();
        }
        this.text.value = '';
        this.updateComposer();
        this.scrollToEnd();
        this.deliver(clientId, content, replyTo);
        this.text.focus();
    };

    RoomPage.prototype.pendingItem = function (clientId, content, replyTo) {
        var item = this.template.content.firstElementChild.cloneNode(true);
        item.id = 'pending-' + clientId;
        item.dataset.clientId = clientId;
        item.classList.add('mine', 'pending');
        item.dataset.senderId = this.viewerId;
        item.dataset.created = String(Date.now());
        item.querySelector('.message-sender').textContent = document.getElementById('current-user').textContent;
        item.querySelector('.message-edited').hidden = true;
        item.querySelector('.message-text').textContent = content;
        this.fillQuote(item, replyTo && {id: replyTo.id, seq: replyTo.seq, author: {displayName: replyTo.author},
            excerpt: replyTo.excerpt});
        item.querySelector('.message-time').textContent = '';
        item.querySelector('.message-actions').replaceChildren();
        return item;
    };

    RoomPage.prototype.deliver = function (clientId, content, replyTo) {
        var self = this;
        var pending = document.getElementById('pending-' + clientId);
        if (pending) {
            pending.classList.remove('failed');
            pending.querySelector('.message-actions').replaceChildren();
        }
        this.call('POST', '/messages', {roomId: this.roomId, content: content, clientMessageId: clientId,
            replyTo: replyTo ? replyTo.id : undefined})
            .then(function (message) {
                if (self.hasNewer) {
                    // sent below a gap of unseen messages: show it where it is, at the end
                    window.location.href = document.getElementById('jump-latest').href;
                    return;
                }
                self.append(message);
                self.error.textContent = '';
                self.sent(content);
            }, function (problem) {
                var item = document.getElementById('pending-' + clientId);
                if (!item) {
                    return;
                }
                if (problem.status && problem.status < 500) {
                    // Refused for good (too long, no longer a member): give the text back to edit.
                    self.removeMessage(item);
                    self.text.value = content;
                    self.updateComposer();
                    self.keepDraft(content);
                    self.error.textContent = self.explain(problem);
                    return;
                }
                item.classList.add('failed');
                var retry = button('button', self.root.dataset.textRetry, 'link-button message-retry');
                retry.addEventListener('click', function () {
                    self.deliver(clientId, content, replyTo);
                });
                var note = document.createElement('span');
                note.textContent = self.root.dataset.textFailedSend;
                item.querySelector('.message-actions').replaceChildren(note, retry);
            });
    };

    function newClientId() {
        if (window.crypto && crypto.randomUUID) {
            return crypto.randomUUID();
        }
        return 'web-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
    }

    // ---- history -----------------------------------------------------------------------------

    RoomPage.prototype.render = function (message) {
        var item = this.template.content.firstElementChild.cloneNode(true);
        var mine = message.sender.username === this.viewer;
        item.id = 'message-' + message.id;
        item.dataset.id = message.id;
        item.dataset.seq = message.seq;
        item.dataset.sender = message.sender.username;
        item.dataset.senderId = message.sender.id;
        item.dataset.created = String(Date.parse(message.createdAt));
        item.classList.toggle('mine', mine);
        item.querySelector('.message-sender').textContent = message.sender.displayName;
        var time = item.querySelector('.message-time');
        time.setAttribute('datetime', message.createdAt);
        item.querySelector('.message-edited').hidden = !message.editedAt;
        item.querySelector('.message-text').innerHTML = message.html; // rendered and sanitized by the server's MessageRenderer
        this.fillQuote(item, message.replyTo);
        // What the viewer may do is the server's word, sent with every message (REST and socket
        // alike); the page only shows it. The server still refuses anything else with a 403.
        if (!message.mayEdit) {
            item.querySelector('.message-edit').remove();
        }
        if (!message.mayDelete) {
            item.querySelector('.message-delete').remove();
        }
        this.drawReactions(item.querySelector('.message-reactions'), message.reactions || []);
        Daehwa.formatTimes(item);
        return item;
    };

    /** Adds a message at its place by seq; a message already shown is replaced, never doubled. */
    RoomPage.prototype.append = function (message) {
        var existing = document.getElementById('message-' + message.id)
            || (message.clientMessageId && document.getElementById('pending-' + message.clientMessageId));
        var item = this.render(message);
        if (existing) {
            existing.replaceWith(item);
            this.arrange([item]);
            return;
        }
        var after = null;
        var items = this.list.querySelectorAll('li.message:not(.pending)');
        for (var i = items.length - 1; i >= 0; i--) {
            if (Number(items[i].dataset.seq) < message.seq) {
                after = items[i];
                break;
            }
        }
        var firstPending = this.list.querySelector('li.message.pending');
        if (after) {
            after.after(item);
        } else if (firstPending) {
            firstPending.before(item);
        } else {
            this.list.append(item);
        }
        this.arrange([item]);
        var empty = document.getElementById('no-messages');
        if (empty) {
            empty.remove();
        }
    };

    /** Loads the page before the oldest message shown; the promise settles once it is on screen. */
    RoomPage.prototype.loadOlder = function (button) {
        var self = this;
        var first = this.list.querySelector('li.message');
        var before = first ? first.dataset.seq : '';
        button.disabled = true;
        return this.call('GET', '/messages?room=' + this.roomId + '&before=' + before + '&limit=' + PAGE)
            .then(function (page) {
                var height = self.list.scrollHeight;
                var row = button.closest('li');
                var fragment = document.createDocumentFragment();
                var added = [];
                page.messages.forEach(function (message) {
                    if (!document.getElementById('message-' + message.id)) {
                        added.push(fragment.appendChild(self.render(message)));
                    }
                });
                row.after(fragment);
                self.arrange(added);
                self.list.scrollTop += self.list.scrollHeight - height; // keep the reader's place
                if (!page.hasMore) {
                    row.remove();
                }
            }, function (problem) {
                self.error.textContent = self.explain(problem);
            })
            .then(function () {
                button.disabled = false;
            });
    };

    // ---- live events (live.js) -------------------------------------------------------------

    /** The highest seq shown; what the read marker may move up to. */
    RoomPage.prototype.shownSeq = function () {
        var items = this.list.querySelectorAll('li.message:not(.pending)');
        return items.length ? Number(items[items.length - 1].dataset.seq) : 0;
    };

    /**
     * What a reconnecting socket resumes from: the highest seq shown, or, with newer messages
     * not shown, the newest the room had when the page was made (the gap is not replayed).
     */
    RoomPage.prototype.lastSeq = function () {
        return this.hasNewer ? Math.max(this.newestSeq, this.shownSeq()) : this.shownSeq();
    };

    /** Scrolls the message a search result pointed at into view, and marks it for a moment. */
    RoomPage.prototype.focus = function () {
        if (!this.focusSeq) {
            return;
        }
        var item = this.list.querySelector('li.message[data-seq="' + this.focusSeq + '"]');
        if (item) {
            this.highlight(item);
        }
    };

    RoomPage.prototype.highlight = function (item) {
        item.classList.remove('focused');
        void item.offsetWidth; // restarts the animation of a message highlighted a moment ago
        item.classList.add('focused');
        item.scrollIntoView({block: 'center'});
        item.setAttribute('tabindex', '-1');
        item.focus({preventScroll: true});
        clearTimeout(item.focusTimer);
        item.focusTimer = setTimeout(function () {
            item.classList.remove('focused');
        }, 4000);
    };

    /** A message from the socket: shown, kept in view if the reader was at the bottom, marked read. */
    RoomPage.prototype.received = function (message) {
        if (this.hasNewer) {
            this.newestSeq = Math.max(this.newestSeq, message.seq);
            return;
        }
        var atEnd = this.list.scrollHeight - this.list.scrollTop - this.list.clientHeight < 80;
        this.append(message);
        if (atEnd || message.sender.username === this.viewer) {
            this.scrollToEnd();
        }
        this.markReadSoon();
    };

    RoomPage.prototype.updated = function (message) {
        if (document.getElementById('message-' + message.id) && !document.querySelector('#message-' + message.id + ' .message-editor')) {
            this.append(message);
        }
    };

    RoomPage.prototype.deleted = function (messageId) {
        var self = this;
        var item = document.getElementById('message-' + messageId);
        if (item) {
            this.removeMessage(item);
        }
        this.list.querySelectorAll('.message-quote[data-reply-id="' + messageId + '"]').forEach(function (quote) {
            self.fillQuote(quote.closest('li.message'), {id: messageId, deleted: true});
        });
    };

    /** Reading live moves the read marker, at most once a second, and only while the tab is seen. */
    RoomPage.prototype.markReadSoon = function () {
        var self = this;
        if (document.hidden || this.readTimer) {
            return;
        }
        this.readTimer = setTimeout(function () {
            self.readTimer = null;
            self.markRead();
        }, 1000);
    };

    /** Moves the read marker up to the newest message shown, if the tab is seen. */
    RoomPage.prototype.markRead = function () {
        var seq = this.shownSeq();
        if (document.hidden || seq <= 0) {
            return;
        }
        this.call('POST', '/rooms/' + this.roomId + '/read', {seq: seq}).catch(function () {
        });
    };

    RoomPage.prototype.scrollToEnd = function () {
        this.list.scrollTop = this.list.scrollHeight;
    };

    // ---- replies -----------------------------------------------------------------------------

    /** Older pages loaded to reach a quoted message, at most; further back the room opens at it. */
    var PAGES_TO_ORIGINAL = 4;

    /**
     * What the composer shows while answering: the message's text as shown, on one line and cut
     * at 100 code points like the server's excerpt; the sent reply shows the server's own.
     */
    function excerptOf(text) {
        return Array.from(text.replace(/\s+/g, ' ').trim()).slice(0, 100).join('');
    }

    RoomPage.prototype.startReply = function (item) {
        this.replyTo = {
            id: Number(item.dataset.id), seq: Number(item.dataset.seq),
            author: item.querySelector('.message-sender').textContent,
            excerpt: excerptOf(item.querySelector('.message-text').textContent)
        };
        this.replyBar.querySelector('.quote-author').textContent = this.replyTo.author;
        this.replyBar.querySelector('.quote-excerpt').textContent = this.replyTo.excerpt;
        this.replyBar.hidden = false;
        this.text.focus();
    };

    RoomPage.prototype.cancelReply = function () {
        this.replyTo = null;
        this.replyBar.hidden = true;
    };

    /** Shows what a message answers (its replyTo), or that it is deleted, or nothing. */
    RoomPage.prototype.fillQuote = function (item, quote) {
        var element = item.querySelector('.message-quote');
        if (!element) {
            return;
        }
        if (!quote) {
            element.remove();
        } else if (quote.deleted) {
            var gone = document.createElement('span');
            gone.className = 'message-quote deleted';
            var text = document.createElement('span');
            text.className = 'quote-excerpt';
            text.textContent = this.root.dataset.textReplyDeleted;
            gone.append(text);
            element.replaceWith(gone);
        } else {
            element.dataset.replyId = quote.id;
            element.dataset.replySeq = quote.seq;
            element.querySelector('.quote-author').textContent = quote.author.displayName;
            element.querySelector('.quote-excerpt').textContent = quote.excerpt;
        }
    };

    /**
     * Scrolls to the message with this seq and marks it for a moment, loading older pages until
     * it is on screen; one further back than a few pages opens the room at it instead.
     */
    RoomPage.prototype.showOriginal = function (seq, pagesLoaded) {
        var self = this;
        var item = this.list.querySelector('li.message[data-seq="' + seq + '"]');
        if (item) {
            this.highlight(item);
            return;
        }
        var older = document.getElementById('load-older');
        var first = this.list.querySelector('li.message:not(.pending)');
        if (!older || !first || Number(first.dataset.seq) < seq) {
            return; // not in the history any more: deleted meanwhile
        }
        if ((pagesLoaded || 0) >= PAGES_TO_ORIGINAL) {
            window.location.assign(window.location.pathname + '?at=' + seq);
            return;
        }
        var oldest = Number(first.dataset.seq);
        this.loadOlder(older).then(function () {
            var now = self.list.querySelector('li.message:not(.pending)');
            if (now && Number(now.dataset.seq) < oldest) {
                self.showOriginal(seq, (pagesLoaded || 0) + 1);
            }
        });
    };

    // ---- edit and delete ----------------------------------------------------------------------

    RoomPage.prototype.startEdit = function (item) {
        var self = this;
        if (item.querySelector('.message-editor')) {
            return;
        }
        var textBox = item.querySelector('.message-text');
        var editor = document.createElement('form');
        editor.className = 'message-editor';
        var field = document.createElement('textarea');
        field.setAttribute('aria-label', this.root.dataset.textEditLabel);
        field.rows = 3;
        var save = button('submit', this.root.dataset.textSave, 'button');
        var cancel = button('button', this.root.dataset.textCancel, 'button secondary');
        var problem = document.createElement('p');
        problem.className = 'form-error';
        problem.setAttribute('role', 'alert');
        editor.append(field, save, cancel, problem);
        textBox.hidden = true;
        textBox.after(editor);
        this.call('GET', '/messages/' + item.dataset.id).then(function (message) {
            field.value = message.content; // the source text, not its html
            field.focus();
        }, function (failure) {
            problem.textContent = self.explain(failure);
        });
        function close() {
            editor.remove();
            textBox.hidden = false;
            item.querySelector('.message-edit').focus();
        }
        cancel.addEventListener('click', close);
        field.addEventListener('keydown', function (event) {
            if (event.key === 'Escape') {
                close();
            } else if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
                event.preventDefault();
                editor.requestSubmit();
            }
        });
        editor.addEventListener('submit', function (event) {
            event.preventDefault();
            save.disabled = true;
            self.call('PATCH', '/messages/' + item.dataset.id, {content: field.value}).then(function (message) {
                self.append(message);
                var replaced = document.getElementById('message-' + message.id);
                var edit = replaced && replaced.querySelector('.message-edit');
                if (edit) {
                    edit.focus();
                }
            }, function (failure) {
                problem.textContent = self.explain(failure);
                save.disabled = false;
            });
        });
    };

    function button(type, label, className) {
        var element = document.createElement('button');
        element.type = type;
        element.className = className;
        element.textContent = label;
        return element;
    }

    RoomPage.prototype.remove = function (item) {
        var self = this;
        if (!window.confirm(this.root.dataset.textDeleteConfirm)) {
            return;
        }
        this.call('DELETE', '/messages/' + item.dataset.id).then(function () {
            self.removeMessage(item);
        }, function (problem) {
            self.error.textContent = self.explain(problem);
        });
    };

    // ---- reactions ---------------------------------------------------------------------------

    /** The common reactions the picker offers; the text box takes any other emoji. */
    var COMMON_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏', '✅', '👀'];

    /**
     * Draws a message's reaction bar: each emoji with its count, pressed when it is mine, who
     * reacted in its title (the picker's button is among the message's actions). Everything is text
     * (textContent), never markup, whatever a reactor's name holds.
     */
    RoomPage.prototype.drawReactions = function (bar, reactions) {
        var self = this;
        var buttons = reactions.map(function (reaction) {
            var chip = button('button', '', 'reaction');
            chip.dataset.emoji = reaction.emoji;
            chip.setAttribute('aria-pressed', String(reaction.me));
            var emoji = document.createElement('span');
            emoji.className = 'reaction-emoji';
            emoji.textContent = reaction.emoji;
            var count = document.createElement('span');
            count.className = 'reaction-count';
            count.textContent = reaction.count;
            chip.append(emoji, count);
            chip.title = self.reactedBy(reaction);
            return chip;
        });
        bar.replaceChildren.apply(bar, buttons);
    };

    /** "Minji, Joon reacted with 👍", or "… and 3 more" past the names the server sends. */
    RoomPage.prototype.reactedBy = function (reaction) {
        var names = reaction.reactors.map(function (user) {
            return user.displayName;
        }).join(', ');
        var more = reaction.count - reaction.reactors.length;
        if (more > 0) {
            names = this.root.dataset.textReactedMore.replace('{0}', names).replace('{1}', more);
        }
        return this.root.dataset.textReacted.replace('{0}', names).replace('{1}', reaction.emoji);
    };

    /** The picker under a message: the common emoji, and a box for any other. */
    RoomPage.prototype.togglePicker = function (item, opener) {
        var open = item.querySelector('.reaction-picker');
        this.list.querySelectorAll('.reaction-picker').forEach(function (picker) {
            picker.remove();
        });
        this.list.querySelectorAll('.reaction-add[aria-expanded="true"]').forEach(function (other) {
            other.setAttribute('aria-expanded', 'false');
        });
        if (open) {
            return;
        }
        var picker = document.createElement('div');
        picker.className = 'reaction-picker';
        COMMON_REACTIONS.forEach(function (emoji) {
            var choice = button('button', emoji, 'reaction-choice');
            choice.dataset.emoji = emoji;
            picker.append(choice);
        });
        var other = document.createElement('form');
        other.className = 'reaction-other';
        var field = document.createElement('input');
        field.type = 'text';
        field.maxLength = 40;
        field.setAttribute('aria-label', this.root.dataset.textOtherEmoji);
        field.placeholder = this.root.dataset.textOtherEmoji;
        other.append(field, button('submit', this.root.dataset.textOtherAdd, 'button secondary'));
        var problem = document.createElement('p');
        problem.className = 'form-error reaction-error';
        problem.setAttribute('role', 'alert');
        picker.append(other, problem);
        picker.addEventListener('keydown', function (event) {
            if (event.key === 'Escape') {
                picker.remove();
                opener.setAttribute('aria-expanded', 'false');
                opener.focus();
            }
        });
        item.querySelector('.message-reactions').after(picker);
        opener.setAttribute('aria-expanded', 'true');
        picker.querySelector('.reaction-choice').focus();
    };

    /**
     * Adds or takes back my reaction, then draws the message's reactions as the server has them
     * (the socket's message.reactions frame says the same, and may come first). A refusal (not
     * one emoji, 20 different ones already) is shown in the picker, or under the composer.
     */
    RoomPage.prototype.toggleReaction = function (item, emoji, add) {
        var self = this;
        var id = item.dataset.id;
        this.call(add ? 'PUT' : 'DELETE', '/messages/' + id + '/reactions/' + encodeURIComponent(emoji))
            .then(function () {
                var picker = item.querySelector('.reaction-picker');
                if (picker) {
                    picker.remove();
                    item.querySelector('.reaction-add').setAttribute('aria-expanded', 'false');
                }
                return self.call('GET', '/messages/' + id);
            })
            .then(function (message) {
                self.reactionsChanged(message.id, message.reactions);
            }, function (problem) {
                var shown = item.querySelector('.reaction-error') || self.error;
                shown.textContent = self.explain(problem);
            });
    };

    /** New reactions for a message on screen (from the socket or a fetch). */
    RoomPage.prototype.reactionsChanged = function (messageId, reactions) {
        var bar = document.querySelector('#message-' + messageId + ' .message-reactions');
        if (bar) {
            this.drawReactions(bar, reactions);
        }
    };

    // ---- reading: groups under one name, and days ------------------------------------------

    /** Messages by one author this close to the one before appear under one name. */
    var GROUP_GAP = 5 * 60 * 1000;
    var dayFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {dateStyle: 'full'});

    function isMessage(element) {
        return element.classList.contains('message');
    }

    function nextMessage(item) {
        var element = item.nextElementSibling;
        while (element && !isMessage(element)) {
            element = element.nextElementSibling;
        }
        return element;
    }

    /** The local calendar day of an epoch millisecond, in the browser's time zone: 20261207. */
    function dayOf(millis) {
        var date = new Date(millis);
        return date.getFullYear() * 10000 + (date.getMonth() + 1) * 100 + date.getDate();
    }

    RoomPage.prototype.dayLabel = function (millis) {
        var day = dayOf(millis);
        var yesterday = new Date();
        yesterday.setDate(yesterday.getDate() - 1);
        if (day === dayOf(Date.now())) {
            return this.root.dataset.textToday;
        }
        return day === dayOf(yesterday.getTime()) ? this.root.dataset.textYesterday : dayFormat.format(new Date(millis));
    };

    /**
     * Derives, from the data-sender-id and data-created of the messages, which message heads a
     * group (shows its author's name) and where a day begins (a separator before it). A
     * message's look depends only on the message before it, so after inserting, replacing or
     * removing messages only those and the ones right after them are looked at: a page of older
     * messages costs one pass over the page, not over the whole history.
     */
    RoomPage.prototype.arrange = function (items) {
        var done = new Set();
        var self = this;
        Array.prototype.forEach.call(items, function (item) {
            [item, item.parentElement && nextMessage(item)].forEach(function (message) {
                if (message && message.parentElement && !done.has(message)) {
                    done.add(message);
                    self.arrangeOne(message);
                }
            });
        });
    };

    RoomPage.prototype.arrangeOne = function (item) {
        // the rows between this message and the one before: day separators, the unread divider
        var separators = [];
        var interrupted = false;
        var previous = item.previousElementSibling;
        while (previous && !isMessage(previous)) {
            if (previous.classList.contains('day-separator')) {
                separators.push(previous);
            } else {
                interrupted = true;
            }
            previous = previous.previousElementSibling;
        }
        var created = Number(item.dataset.created);
        var day = dayOf(created);
        var newDay = !previous || dayOf(Number(previous.dataset.created)) !== day;
        var separator = newDay ? separators.shift() : null;
        separators.forEach(function (extra) {
            extra.remove();
        });
        if (newDay) {
            if (!separator) {
                separator = document.createElement('li');
                separator.className = 'day-separator';
                separator.setAttribute('role', 'separator');
                separator.append(document.createElement('span'));
                item.before(separator);
            }
            separator.dataset.day = day;
            separator.firstElementChild.textContent = this.dayLabel(created);
        }
        item.classList.toggle('continued', !newDay && !interrupted
            && previous.dataset.senderId === item.dataset.senderId
            && created - Number(previous.dataset.created) <= GROUP_GAP);
    };

    /** "Today" becomes "Yesterday" at the reader's midnight, on a page left open overnight. */
    RoomPage.prototype.renameDaysAtMidnight = function () {
        var self = this;
        var midnight = new Date();
        midnight.setHours(24, 0, 1, 0);
        setTimeout(function () {
            self.list.querySelectorAll('li.day-separator').forEach(function (separator) {
                var first = nextMessage(separator);
                if (first) {
                    separator.firstElementChild.textContent = self.dayLabel(Number(first.dataset.created));
                }
            });
            self.renameDaysAtMidnight();
        }, midnight.getTime() - Date.now());
    };

    /** Removes a message; the one after it may now head a group, and a day left empty loses its separator. */
    RoomPage.prototype.removeMessage = function (item) {
        if (!item.parentElement) {
            return; // already gone, by the socket's message.deleted or this page's Delete
        }
        var next = nextMessage(item);
        var row = item.previousElementSibling;
        item.remove();
        if (next) {
            this.arrange([next]);
            return;
        }
        // the last message went: separators left after the new last message head nothing
        while (row && !isMessage(row)) {
            var before = row.previousElementSibling;
            if (row.classList.contains('day-separator')) {
                row.remove();
            }
            row = before;
        }
    };

    // ---- drafts: what is typed survives a reload ---------------------------------------------

    /** One draft per room and per account, so two people sharing a browser never see each other's. */
    RoomPage.prototype.draftKey = function () {
        return 'daehwa.draft.' + this.viewerId + '.' + this.roomId;
    };

    RoomPage.prototype.startDraft = function () {
        var self = this;
        var saved = null;
        try {
            saved = window.localStorage.getItem(this.draftKey());
        } catch (unavailable) {
            return; // storage turned off: the composer works, without drafts
        }
        if (saved && !this.text.value) {
            this.text.value = saved; // on load, before any typing, so never during an IME composition
        }
        window.addEventListener('pagehide', function () {
            if (self.draftTimer) {
                clearTimeout(self.draftTimer);
                self.draftTimer = null;
                self.keepDraft(self.text.value);
            }
        });
    };

    /** Typing saves the draft at most every half second; the last keystroke is saved too. */
    RoomPage.prototype.draftChanged = function () {
        var self = this;
        if (this.draftTimer) {
            return;
        }
        this.draftTimer = setTimeout(function () {
            self.draftTimer = null;
            self.keepDraft(self.text.value);
        }, 500);
    };

    /**
     * Stores the draft (nothing for an empty one), at most as long as a message may be. A message
     * being sent stays the draft until the server has it; a failed send leaves it there.
     */
    RoomPage.prototype.keepDraft = function (text) {
        if (this.draftTimer) {
            clearTimeout(this.draftTimer);
            this.draftTimer = null;
        }
        if (text.length > this.maxLength) { // UTF-16 units, never fewer than code points
            text = Array.from(text).slice(0, this.maxLength).join('');
        }
        try {
            if (text.trim()) {
                window.localStorage.setItem(this.draftKey(), text);
            } else {
                window.localStorage.removeItem(this.draftKey());
            }
        } catch (unavailable) {
            // storage full or turned off: the draft is not kept, the message is unaffected
        }
    };

    /** Sent: unless something newer was kept meanwhile, the draft is now what the composer holds. */
    RoomPage.prototype.sent = function (content) {
        var kept;
        try {
            kept = window.localStorage.getItem(this.draftKey());
        } catch (unavailable) {
            return;
        }
        if (kept === null || kept === content) {
            this.keepDraft(this.text.value);
        }
    };

    document.addEventListener('DOMContentLoaded', function () {
        var root = document.getElementById('room');
        if (root) {
            Daehwa.room = new RoomPage(root);
            Daehwa.room.start();
        }
    });
})();
