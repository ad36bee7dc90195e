// Live progress: an element with data-poll="<url>" is refreshed from that JSON every two seconds while
// the run is going; each [data-field="name"] inside it shows the field of the same name.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-poll]').forEach(panel => {
    const refresh = async () => {
      let response;
      try {
        // manual: a redirect (to the sign-in page) is a failed answer, not a page to read progress from.
        response = await fetch(panel.dataset.poll, {headers: {Accept: 'application/json'}, redirect: 'manual'});
      } catch (e) {
        setTimeout(refresh, 5000); // the network or the server is away for a moment
        return;
      }
      // Signed out (401), not allowed (403), gone (404) or redirected: asking again would get the same answer.
      if (!response.ok) return;
      try {
        const progress = await response.json();
        panel.querySelectorAll('[data-field]').forEach(field => {
          const value = progress[field.dataset.field];
          if (value === undefined || value === null) return;
          if (field.tagName === 'PROGRESS') field.value = value; else field.textContent = value;
        });
        if (progress.running) setTimeout(refresh, 2000);
        else if (panel.dataset.reloadWhenDone !== undefined && panel.dataset.wasRunning) location.reload();
        panel.dataset.wasRunning = progress.running ? 'yes' : '';
      } catch (e) {
        // Not progress JSON: stop rather than poll again for a page that will not become it.
      }
    };
    refresh();
  });
});

// A page showing work that is about to change (an audience being checked, a campaign stopping) reloads
// itself after data-reload-in milliseconds.
document.addEventListener('DOMContentLoaded', () => {
  const waiting = document.querySelector('[data-reload-in]');
  if (waiting) setTimeout(() => location.reload(), Number(waiting.dataset.reloadIn));
});

// A campaign's page follows its campaign: once the status or the latest execution differs from what the page
// shows (sending started on some node, paused or resumed elsewhere), the page is loaded again, so its actions
// are those the new status allows.
document.addEventListener('DOMContentLoaded', () => {
  const page = document.querySelector('[data-follow-status]');
  if (!page) return;
  const follow = async () => {
    let response;
    try {
      response = await fetch(page.dataset.followStatus, {headers: {Accept: 'application/json'}, redirect: 'manual'});
    } catch (e) {
      setTimeout(follow, 5000);
      return;
    }
    if (!response.ok) return;
    let state;
    try {
      state = await response.json();
    } catch (e) {
      return;
    }
    const execution = state.execution === null || state.execution === undefined ? '' : String(state.execution);
    if (state.status !== page.dataset.status || execution !== page.dataset.execution) location.reload();
    else setTimeout(follow, 2000);
  };
  setTimeout(follow, 2000);
});

// Rows of a field entered as key and value (card material, labels): "Add a row" copies the last row empty,
// "Remove" takes a row away, the last one only emptied so that there is always a row to type into.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('.rows-field').forEach(field => {
    const body = field.querySelector('[data-rows]');
    field.addEventListener('click', event => {
      if (event.target.matches('[data-add-row]')) {
        const rows = body.querySelectorAll('[data-row]');
        const row = rows[rows.length - 1].cloneNode(true);
        row.querySelectorAll('input').forEach((input, i) => {
          input.value = '';
          input.id = input.id.replace(/-\d+$/, '-' + rows.length);
        });
        body.appendChild(row);
        row.querySelector('input').focus();
      } else if (event.target.matches('[data-remove-row]')) {
        const row = event.target.closest('[data-row]');
        if (body.querySelectorAll('[data-row]').length > 1) row.remove();
        else row.querySelectorAll('input').forEach(input => { input.value = ''; });
      }
    });
  });
});

// A button with data-confirm="<question>" does its work only once the person says yes. Here, not in an onclick
// attribute: the Content-Security-Policy (script-src 'self') blocks inline handlers, so one would never ask.
document.addEventListener('click', event => {
  const button = event.target.closest('[data-confirm]');
  if (button && !confirm(button.dataset.confirm)) event.preventDefault();
});
