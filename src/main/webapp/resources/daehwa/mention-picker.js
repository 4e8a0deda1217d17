// The composer's @-mention picker. Typing "@" and the start of a name offers the room's members
// whose username or display name starts with it; arrows move, Enter or Tab picks, Esc closes,
// and picking writes "@username " in place of what was typed. The members come from the room's
// own REST resource (GET /api/rooms/{id}), read once when the picker is first needed and again
// when it is older than a minute. Keys are taken in the capture phase, before room.js sees them,
// and only while the list is open and no IME is composing, so Enter still sends otherwise and
// still commits a Hangul syllable while one is being composed.
(function () {
    'use strict';

    var SHOWN = 8;
    var STALE_AFTER = 60000;
    /** The characters a username may hold, as the server's MentionScanner reads them. */
    var NAME_CHAR = /[\p{L}\p{N}_.\-]/u;

    function MentionPicker(root, text, list) {
        this.root = root;
        this.text = text;
        this.list = list;
        this.roomId = root.dataset.roomId;
        this.api = root.dataset.api;
        this.viewer = root.dataset.viewer;
        this.members = null;
        this.readAt = 0;
        this.options = [];
        this.active = -1;
        this.token = null;
    }

    MentionPicker.prototype.start = function () {
        var self = this;
        this.text.addEventListener('input', function () {
            self.update();
        });
        this.text.addEventListener('blur', function () {
            self.close();
        });
        this.text.form.addEventListener('keydown', function (event) {
            if (event.target !== self.text || !self.isOpen() || event.isComposing || event.keyCode === 229) {
                return;
            }
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                self.move(event.key === 'ArrowDown' ? 1 : -1);
            } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
                self.pick(self.options[self.active]);
            } else if (event.key === 'Escape') {
                self.close();
            } else {
                return;
            }
            event.preventDefault();
            event.stopImmediatePropagation();
        }, true);
        this.list.addEventListener('mousedown', function (event) {
            var option = event.target.closest('[role="option"]');
            if (option) {
                event.preventDefault(); // keep the focus, and with it the caret, in the composer
                self.pick(self.options[Number(option.dataset.index)]);
            }
        });
    };

    /** The "@name" being typed right before the caret: {start, query}, or null. */
    MentionPicker.prototype.typedName = function () {
        var value = this.text.value;
        var caret = this.text.selectionStart;
        if (caret !== this.text.selectionEnd) {
            return null;
        }
        var at = caret;
        // bounded: a username is at most 30 characters, so the "@" is never further back
        var limit = Math.max(0, caret - 31);
        while (at > limit && NAME_CHAR.test(value.charAt(at - 1))) {
            at--;
        }
        if (at === 0 || value.charAt(at - 1) !== '@') {
            return null;
        }
        var before = at >= 2 ? value.charAt(at - 2) : '';
        if (before && (NAME_CHAR.test(before) || before === '@')) {
            return null; // an email address, not a mention
        }
        return {start: at - 1, query: value.substring(at, caret)};
    };

    MentionPicker.prototype.update = function () {
        var typed = this.typedName();
        if (!typed) {
            this.close();
            return;
        }
        this.token = typed;
        var self = this;
        this.withMembers(function (members) {
            var current = self.typedName();
            if (current && current.start === typed.start) {
                self.show(self.matching(members, current.query));
            }
        });
    };

    MentionPicker.prototype.withMembers = function (then) {
        var self = this;
        if (this.members && Date.now() - this.readAt < STALE_AFTER) {
            then(this.members);
            return;
        }
        fetch(this.api + '/rooms/' + this.roomId, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (response) {
                return response.ok ? response.json() : null;
            })
            .then(function (room) {
                if (room) {
                    self.members = room.members;
                    self.readAt = Date.now();
                    then(self.members);
                }
            })
            .catch(function () {
                // no picker this time; typing the name by hand still mentions
            });
    };

    MentionPicker.prototype.matching = function (members, query) {
        var wanted = query.toLocaleLowerCase();
        var viewer = this.viewer;
        return members.filter(function (user) {
            return user.username !== viewer
                && (user.username.toLocaleLowerCase().startsWith(wanted)
                    || user.displayName.toLocaleLowerCase().startsWith(wanted));
        }).slice(0, SHOWN);
    };

    MentionPicker.prototype.show = function (options) {
        this.options = options;
        this.list.replaceChildren();
        if (!options.length) {
            this.close();
            return;
        }
        var self = this;
        options.forEach(function (user, index) {
            var item = document.createElement('li');
            item.id = 'mention-option-' + index;
            item.setAttribute('role', 'option');
            item.dataset.index = String(index);
            var name = document.createElement('span');
            name.className = 'mention-option-name';
            name.textContent = user.displayName;
            var handle = document.createElement('span');
            handle.className = 'mention-option-username';
            handle.textContent = '@' + user.username;
            item.append(name, ' ', handle);
            self.list.append(item);
        });
        this.list.hidden = false;
        this.text.setAttribute('aria-expanded', 'true');
        this.select(0);
    };

    MentionPicker.prototype.isOpen = function () {
        return !this.list.hidden && this.options.length > 0;
    };

    MentionPicker.prototype.move = function (step) {
        this.select((this.active + step + this.options.length) % this.options.length);
    };

    MentionPicker.prototype.select = function (index) {
        this.active = index;
        this.list.querySelectorAll('[role="option"]').forEach(function (item, at) {
            item.setAttribute('aria-selected', String(at === index));
        });
        this.text.setAttribute('aria-activedescendant', 'mention-option-' + index);
    };

    MentionPicker.prototype.pick = function (user) {
        var typed = this.typedName();
        if (!user || !typed) {
            this.close();
            return;
        }
        var value = this.text.value;
        var inserted = '@' + user.username + ' ';
        var caret = this.text.selectionStart;
        this.text.value = value.substring(0, typed.start) + inserted + value.substring(caret);
        var at = typed.start + inserted.length;
        this.text.setSelectionRange(at, at);
        this.close();
        // room.js keeps its character count (and the draft) from input events
        this.text.dispatchEvent(new Event('input', {bubbles: true}));
    };

    MentionPicker.prototype.close = function () {
        this.options = [];
        this.active = -1;
        this.list.hidden = true;
        this.list.replaceChildren();
        this.text.setAttribute('aria-expanded', 'false');
        this.text.removeAttribute('aria-activedescendant');
    };

    document.addEventListener('DOMContentLoaded', function () {
        var root = document.getElementById('room');
        var text = document.getElementById('composer-text');
        var list = document.getElementById('mention-picker');
        if (root && text && list) {
            new MentionPicker(root, text, list).start();
        }
    });
})();
