// Live progress: an element with data-poll="<url>" is refreshed from that JSON every two seconds while
// the run is going; each [data-field="name"] inside it shows the field of the same name.
document.addEventListener('DOMContentLoaded', () => {
  document.querySelectorAll('[data-poll]').forEach(panel => {
    const refresh = async () => {
      try {
        const response = await fetch(panel.dataset.poll, {headers: {Accept: 'application/json'}});
        if (!response.ok) return;
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
        setTimeout(refresh, 5000);
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
