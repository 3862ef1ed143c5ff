/* Sortable data tables of the explore page: click (or Enter/Space on) a column header button.
   Sorts the rows in place by each cell's data-sort value and keeps aria-sort in step. */
(function () {
  function key(td) {
    var v = td.getAttribute('data-sort') || '';
    if (v !== '' && td.classList.contains('num')) { return parseFloat(v); }
    return v;
  }
  function compare(a, b) {
    if (a === '' && b !== '') { return 1; }
    if (b === '' && a !== '') { return -1; }
    if (typeof a === 'number' && typeof b === 'number') { return a - b; }
    return String(a).localeCompare(String(b), 'es');
  }
  document.addEventListener('click', function (ev) {
    var btn = ev.target.closest && ev.target.closest('.data-table .sort-btn');
    if (!btn) { return; }
    var th = btn.closest('th');
    var table = th.closest('table');
    var body = table.tBodies[0];
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var asc = th.getAttribute('aria-sort') !== 'ascending';
    Array.prototype.forEach.call(th.parentNode.children, function (h) { h.setAttribute('aria-sort', 'none'); });
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var c = compare(key(r1.cells[index]), key(r2.cells[index]));
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
})();
