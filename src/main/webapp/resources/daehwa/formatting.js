// Formatting shortcuts for every message text box: Ctrl/Cmd+B wraps the selection in **bold**,
// Ctrl/Cmd+I in _italics_, Ctrl/Cmd+E in `code`. Wrapping again what is already wrapped unwraps
// it. The text goes through setRangeText so that the browser's undo still works, and an input
// event tells the composer (length, draft, typing) that the text changed.
(function () {
    'use strict';

    var MARKS = { b: '**', i: '_', e: '`' };

    function wrap(field, mark) {
        var start = field.selectionStart;
        var end = field.selectionEnd;
        var value = field.value;
        var before = value.slice(Math.max(0, start - mark.length), start);
        var after = value.slice(end, end + mark.length);
        if (before === mark && after === mark) {
            field.setRangeText(value.slice(start, end), start - mark.length, end + mark.length, 'select');
        } else {
            field.setRangeText(mark + value.slice(start, end) + mark, start, end, 'end');
            field.setSelectionRange(start + mark.length, end + mark.length);
        }
        field.dispatchEvent(new Event('input', { bubbles: true }));
    }

    document.addEventListener('keydown', function (event) {
        var field = event.target;
        if (!(field instanceof HTMLTextAreaElement) || !field.closest('.room-view')) {
            return;
        }
        if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.isComposing) {
            return;
        }
        var mark = MARKS[event.key.toLowerCase()];
        if (mark) {
            event.preventDefault();
            wrap(field, mark);
        }
    });
}());

// Links in messages open in a new tab, so that following one does not leave the conversation.
// The markup carries no target (the server's allow-list has none); the page opens it, without
// an opener.
(function () {
    'use strict';
    document.addEventListener('click', function (event) {
        var link = event.target.closest && event.target.closest('.message-text a[href]');
        if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
            return;
        }
        event.preventDefault();
        window.open(link.href, '_blank', 'noopener,noreferrer');
    });
}());
