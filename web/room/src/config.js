// The configuration page of the channel/chat tab: one sentence, always valid, saves the ART room's URL; in a meeting
// (the context has a meeting id) it saves the meeting page instead (side panel, meeting chat tab and details tab).
import { app, pages } from '@microsoft/teams-js';
import { t, chooseLanguage, setLanguage } from './i18n/index.js';

const status = document.getElementById('status');

/** The page's texts in a language (Teams' locale once known; before, ?lang= or the browser's). */
function useLanguage(choice) {
  setLanguage(choice);
  document.title = t('config.documentTitle');
  const title = document.getElementById('title');
  const intro = document.getElementById('intro');
  if (title) title.textContent = t('app.title');
  if (intro) intro.textContent = t('config.intro');
}

useLanguage(chooseLanguage({ query: new URLSearchParams(window.location.search).get('lang'), browser: navigator.language }));

/** The page's sentence for a meeting: what ArtBot does there. */
function showMeetingIntro() {
  const title = document.getElementById('title');
  const intro = document.getElementById('intro');
  if (title) title.textContent = t('config.meetingTabName');
  if (intro) intro.textContent = t('config.meetingIntro');
}

function say(message) {
  if (status) status.textContent = message;
}

async function configure() {
  // Outside Teams app.initialize() never settles: say so after a moment, and carry on if Teams answers late.
  const hint = setTimeout(() => say(t('config.openFromTeams')), 1500);
  try {
    await app.initialize();
  } catch {
    say(t('config.openFromTeams'));
    return;
  } finally {
    clearTimeout(hint);
  }
  say('');
  let inMeeting = false;
  try {
    const context = await app.getContext();
    inMeeting = Boolean(context.meeting?.id);
    if (context.app?.locale) useLanguage(chooseLanguage({ teamsLocale: context.app.locale }));
    if (inMeeting) showMeetingIntro();
    const theme = context.app?.theme;
    document.documentElement.dataset.theme = ['dark', 'contrast'].includes(theme) ? theme : 'default';
    app.registerOnThemeChangeHandler((t) => {
      document.documentElement.dataset.theme = ['dark', 'contrast'].includes(t) ? t : 'default';
    });
  } catch {
    // The default theme is fine.
  }
  pages.config.registerOnSaveHandler((saveEvent) => {
    const url = inMeeting ? `${window.location.origin}/room/meeting.html` : `${window.location.origin}/room/`;
    pages.config.setConfig({
      entityId: inMeeting ? 'meeting' : 'artroom',
      contentUrl: url,
      suggestedDisplayName: inMeeting ? t('config.meetingTabName') : t('app.title'),
      websiteUrl: url,
    }).then(
      () => saveEvent.notifySuccess(),
      () => saveEvent.notifyFailure(t('config.saveFailed')),
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
