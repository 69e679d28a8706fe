// The configuration page of the channel/chat tab: one sentence, always valid, saves the ART room's URL.
import { app, pages } from '@microsoft/teams-js';

const status = document.getElementById('status');

function say(message) {
  if (status) status.textContent = message;
}

async function configure() {
  // Outside Teams app.initialize() never settles: say so after a moment, and carry on if Teams answers late.
  const hint = setTimeout(() => say('Open this page from Microsoft Teams to add the ART room tab.'), 1500);
  try {
    await app.initialize();
  } catch {
    say('Open this page from Microsoft Teams to add the ART room tab.');
    return;
  } finally {
    clearTimeout(hint);
  }
  say('');
  try {
    const context = await app.getContext();
    const theme = context.app?.theme;
    document.documentElement.dataset.theme = ['dark', 'contrast'].includes(theme) ? theme : 'default';
    app.registerOnThemeChangeHandler((t) => {
      document.documentElement.dataset.theme = ['dark', 'contrast'].includes(t) ? t : 'default';
    });
  } catch {
    // The default theme is fine.
  }
  pages.config.registerOnSaveHandler((saveEvent) => {
    const url = `${window.location.origin}/room/`;
    pages.config.setConfig({
      entityId: 'artroom',
      contentUrl: url,
      suggestedDisplayName: 'ART room',
      websiteUrl: url,
    }).then(
      () => saveEvent.notifySuccess(),
      () => saveEvent.notifyFailure('The ART room tab could not be saved. Try again.'),
    );
  });
  pages.config.setValidityState(true);
  try {
    Promise.resolve(app.notifySuccess()).catch(() => {});
  } catch {
    // Not needed by every host.
  }
}

configure();
