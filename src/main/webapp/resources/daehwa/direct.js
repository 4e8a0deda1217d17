// Direct rooms. A "Message" button on a person (data-direct-with="username", or the sender of the
// message it sits in) opens the one room of the viewer and that person with POST /api/direct,
// which creates it the first time, and goes there. "New direct message" picks the person with
// the same lookup the other pickers use, GET /api/users?q=.
(function () {
    'use strict';

    var SUGGESTIONS = 8;
    var LOOKUP_DELAY = 200;

    function api(path, options) {
        var headers = {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'};
        if (options && options.body) {
            headers['Content-Type'] = 'application/json';
        }
        return fetch(document.body.dataset.api + path, Object.assign({credentials: 'same-origin', headers: headers}, options));
    }

    /** What to say when a room could not be opened, in the page's language, by the answer's status. */
    function failure(status) {
        var texts = document.body.dataset;
        return status === 404 ? texts.textDirectUnknown : status === 400 ? texts.textDirectSelf : texts.textDirectFailed;
    }

    /** Opens the direct room with username and goes there; onError gets the text saying why not. */
    function openWith(username, onError) {
        api('/direct', {method: 'POST', body: JSON.stringify({username: username})})
            .then(function (response) {
                if (!response.ok) {
                    throw response.status;
                }
                return response.json().then(function (room) {
                    location.href = document.body.dataset.base + 'rooms/' + room.id;
                });
            })
            .catch(function (status) {
                onError(failure(status));
            });
    }

    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-direct-with], .message-direct');
        if (!button) {
            return;
        }
        var sender = button.closest('[data-sender]');
        var username = button.dataset.directWith || (sender && sender.dataset.sender);
        if (!username) {
            return;
        }
        event.preventDefault();
        button.disabled = true;
        openWith(username, function (detail) {
            button.disabled = false;
            document.getElementById('direct-error').textContent = detail;
        });
    });

    function startPicker(form) {
        var input = form.querySelector('#new-direct-person');
        var list = form.querySelector('#new-direct-people');
        var error = form.querySelector('#new-direct-error');
        var found = [];
        var timer;
        input.addEventListener('input', function () {
            clearTimeout(timer);
            var query = input.value.trim().replace(/^@/, '');
            if (!query) {
                return;
            }
            timer = setTimeout(function () {
                api('/users?q=' + encodeURIComponent(query) + '&limit=' + SUGGESTIONS)
                    .then(function (response) {
                        return response.ok ? response.json() : [];
                    })
                    .then(function (people) {
                        found = people;
                        list.replaceChildren.apply(list, people.map(function (person) {
                            var option = document.createElement('option');
                            option.value = person.username;
                            option.label = person.displayName + ' (@' + person.username + ')';
                            return option;
                        }));
                    });
            }, LOOKUP_DELAY);
        });
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            var typed = input.value.trim().replace(/^@/, '');
            if (!typed) {
                return;
            }
            // A display name typed in full stands for its person, when only one person has it.
            var byName = found.filter(function (person) {
                return person.displayName.toLowerCase() === typed.toLowerCase();
            });
            var username = byName.length === 1 ? byName[0].username : typed;
            error.textContent = '';
            openWith(username, function (detail) {
                error.textContent = detail;
            });
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var form = document.getElementById('new-direct-form');
        if (form) {
            startPicker(form);
        }
    });
})();
