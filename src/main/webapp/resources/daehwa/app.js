// Times are rendered by the server in UTC (ISO-8601 in the datetime attribute); show them in the
// browser's own time zone and language.
document.addEventListener('DOMContentLoaded', function () {
    var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined,
        {dateStyle: 'medium', timeStyle: 'short'});
    document.querySelectorAll('time.local-time').forEach(function (element) {
        var when = new Date(element.getAttribute('datetime'));
        if (!isNaN(when)) {
            element.textContent = format.format(when);
        }
    });
});
