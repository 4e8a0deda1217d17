// The room page. The server renders the newest history; from then on this script talks to the
// REST API, exactly as any other client does: POST /api/messages to send (with a clientMessageId,
// so a retry after a failure never posts twice), GET /api/messages?before= for older pages,
// PATCH and DELETE /api/messages/{id} to edit and delete. Every call sends X-Requested-With, which
// the API requires of cookie-authenticated changes (CSRF). New messages are built from the page's
// <template>, the same markup the server used, and their text is the server's html rendering.
(function () {
    'use strict';

    var PAGE = 50;

    function RoomPage(root) {
        this.root = root;
        this.roomId = Number(root.dataset.roomId);
        this.api = root.dataset.api;
        this.viewer = root.dataset.viewer;
        this.owner = root.dataset.owner;
        this.maxLength = Number(root.dataset.maxLength);
        this.list = document.getElementById('messages');
        this.template = document.getElementById('message-template');
        this.text = document.getElementById('composer-text');
        this.send = document.getElementById('composer-send');
        this.count = document.getElementById('composer-count');
        this.error = document.getElementById('composer-error');
        this.pendingId = null;
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
            }
        });
        this.text.addEventListener('input', function () {
            self.pendingId = null; // different text is a different message
            self.updateComposer();
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
            }
        });
        this.updateComposer();
        var divider = document.getElementById('unread-divider');
        if (divider) {
            divider.scrollIntoView({block: 'start'});
        } else {
            this.scrollToEnd();
        }
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

    RoomPage.prototype.post = function () {
        var self = this;
        var content = this.text.value;
        if (this.send.disabled) {
            return;
        }
        this.pendingId = this.pendingId || newClientId();
        this.send.disabled = true;
        this.call('POST', '/messages', {roomId: this.roomId, content: content, clientMessageId: this.pendingId})
            .then(function (message) {
                self.pendingId = null;
                if (self.text.value === content) {
                    self.text.value = '';
                }
                self.error.textContent = '';
                self.append(message);
                self.scrollToEnd();
            }, function (problem) {
                self.error.textContent = self.explain(problem);
            })
            .then(function () {
                self.updateComposer();
                self.text.focus();
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
        item.classList.toggle('mine', mine);
        item.querySelector('.message-sender').textContent = message.sender.displayName;
        var time = item.querySelector('.message-time');
        time.setAttribute('datetime', message.createdAt);
        item.querySelector('.message-edited').hidden = !message.editedAt;
        item.querySelector('.message-text').innerHTML = message.html; // escaped by the server's LinkRenderer
        // A hint only: the server decides, and answers 403 to anyone else.
        if (!mine) {
            item.querySelector('.message-edit').remove();
            if (this.owner !== this.viewer) {
                item.querySelector('.message-delete').remove();
            }
        }
        Daehwa.formatTimes(item);
        return item;
    };

    /** Adds a message at its place by seq; a message already shown is replaced, never doubled. */
    RoomPage.prototype.append = function (message) {
        var existing = document.getElementById('message-' + message.id);
        var item = this.render(message);
        if (existing) {
            existing.replaceWith(item);
            return;
        }
        var after = null;
        var items = this.list.querySelectorAll('li.message');
        for (var i = items.length - 1; i >= 0; i--) {
            if (Number(items[i].dataset.seq) < message.seq) {
                after = items[i];
                break;
            }
        }
        if (after) {
            after.after(item);
        } else {
            this.list.append(item);
        }
        var empty = document.getElementById('no-messages');
        if (empty) {
            empty.remove();
        }
    };

    RoomPage.prototype.loadOlder = function (button) {
        var self = this;
        var first = this.list.querySelector('li.message');
        var before = first ? first.dataset.seq : '';
        button.disabled = true;
        this.call('GET', '/messages?room=' + this.roomId + '&before=' + before + '&limit=' + PAGE)
            .then(function (page) {
                var height = self.list.scrollHeight;
                var row = button.closest('li');
                var fragment = document.createDocumentFragment();
                page.messages.forEach(function (message) {
                    if (!document.getElementById('message-' + message.id)) {
                        fragment.append(self.render(message));
                    }
                });
                row.after(fragment);
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

    RoomPage.prototype.scrollToEnd = function () {
        this.list.scrollTop = this.list.scrollHeight;
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
            item.remove();
        }, function (problem) {
            self.error.textContent = self.explain(problem);
        });
    };

    document.addEventListener('DOMContentLoaded', function () {
        var root = document.getElementById('room');
        if (root) {
            Daehwa.room = new RoomPage(root);
            Daehwa.room.start();
        }
    });
})();
