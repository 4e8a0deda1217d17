// Shared by every page. Times are rendered by the server in UTC (ISO-8601 in the datetime
// attribute); they are shown in the browser's own time zone and language.
var Daehwa = window.Daehwa || {};
window.Daehwa = Daehwa;

(function () {
    var lang = document.documentElement.lang || undefined;
    var sameDay = new Intl.DateTimeFormat(lang, {timeStyle: 'short'});
    var otherDay = new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'short'});
    var full = new Intl.DateTimeFormat(lang, {dateStyle: 'full', timeStyle: 'long'});

    /** Formats every time.local-time under root: today's as a time only, older ones with the date. */
    Daehwa.formatTimes = function (root) {
        var today = new Date().toDateString();
        (root || document).querySelectorAll('time.local-time').forEach(function (element) {
            var when = new Date(element.getAttribute('datetime'));
            if (!isNaN(when)) {
                element.textContent = (when.toDateString() === today ? sameDay : otherDay).format(when);
                element.title = full.format(when);
            }
        });
    };

    document.addEventListener('DOMContentLoaded', function () {
        Daehwa.formatTimes(document);
        // search forms send the browser's time zone, so before: and after: mean the reader's days
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        document.querySelectorAll('input.time-zone').forEach(function (input) {
            input.value = zone || '';
        });
    });
})();
