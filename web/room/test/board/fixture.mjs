// Board fixtures shaped like BoardModels.cs: big (12 teams x 5 iterations x 150 features x 80 strings) and small.
export function makeBoard({ teams = 12, features = 150, strings = 80, seed = 7 } = {}) {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const start = new Date(Date.UTC(2026, 6, 6));
  const day = (d) => new Date(start.getTime() + d * 86400000).toISOString().slice(0, 10);
  const iterations = [1, 2, 3, 4, 5].map((n) => ({ number: n, start: day((n - 1) * 14), end: day(n * 14 - 1), isIp: n === 5, isCurrent: n === 2 }));
  const teamList = Array.from({ length: teams }, (_, i) => ({
    conversationId: `19:team${i + 1}@thread.tacv2`, name: ['Atlas', 'Borealis', 'Comet', 'Delta', 'Eclipse', 'Falcon', 'Gemini', 'Helios', 'Ion', 'Juno', 'Kepler', 'Lyra'][i] ?? `Team ${i + 1}`,
    inArt: i !== teams - 1 || teams < 3, load: [],
  }));
  const states = ['backlog', 'planned', 'planned', 'inProgress', 'done'];
  const featureList = Array.from({ length: features }, (_, i) => {
    const nParts = 1 + Math.floor(rnd() * 2.2);
    const owners = new Set();
    while (owners.size < Math.min(nParts, teamList.length)) owners.add(pick(teamList));
    return {
      id: `F${i + 1}`, title: `${pick(['Checkout', 'Search', 'Payments', 'Identity', 'Reporting', 'Mobile', 'Catalog', 'Alerts'])} ${pick(['redesign', 'API v2', 'speed-up', 'export', 'SSO', 'audit log', 'offline mode'])} ${i + 1}`,
      description: null, businessValue: 1 + Math.floor(rnd() * 10), wsjf: rnd() < 0.6 ? Math.round(rnd() * 200) / 10 : null,
      state: pick(states), sourceUrl: rnd() < 0.3 ? `https://dev.azure.com/contoso/train/_workitems/edit/${1000 + i}` : null,
      sourceId: null, parts: [...owners].map((tm) => ({ team: tm.conversationId, teamName: tm.name, iteration: rnd() < 0.12 ? null : 1 + Math.floor(rnd() * 5), points: rnd() < 0.8 ? 1 + Math.floor(rnd() * 13) : null })),
      objectives: [], version: `v${i}`,
    };
  });
  for (const f of featureList) if (f.sourceUrl) f.sourceId = `#${f.sourceUrl.split('/').pop()}`;
  for (const tm of teamList) {
    tm.load = iterations.map((it) => {
      const load = featureList.flatMap((f) => f.parts).filter((p) => p.team === tm.conversationId && p.iteration === it.number).reduce((a, p) => a + (p.points ?? 0), 0);
      const capacity = it.isIp ? 10 : 30;
      return { iteration: it.number, capacity, load, over: load > capacity };
    });
  }
  const stringStates = ['conflict', 'warning', 'requested', 'onTrack', 'onTrack', 'delivered', 'declined', 'teamLeft', 'outsidePi'];
  const stringList = [];
  const conflicts = [];
  for (let i = 0; i < strings; i += 1) {
    const from = pick(featureList);
    const fromPart = pick(from.parts);
    let to = pick(featureList);
    let toPart = pick(to.parts);
    for (let k = 0; k < 10 && toPart.team === fromPart.team; k += 1) { to = pick(featureList); toPart = pick(to.parts); }
    const state = pick(stringStates);
    const needed = toPart.iteration ?? 3;
    const late = state === 'conflict' ? 1 + Math.floor(rnd() * 3) : 0;
    const words = { conflict: `${late} iteration${late === 1 ? '' : 's'} late`, warning: 'same iteration', requested: 'not committed yet', onTrack: 'on time', delivered: 'delivered', declined: 'declined', teamLeft: 'team left the ART', outsidePi: 'outside the PI' }[state];
    const s = {
      dependencyId: `D${i + 1}`, text: `${pick(['Token service', 'Price feed', 'Event bus topic', 'Schema change', 'Test data', 'Feature flag'])} for ${to.title}`,
      fromTeam: fromPart.team, fromTeamName: fromPart.teamName, fromFeature: rnd() < 0.9 ? from.id : null, fromIteration: fromPart.iteration,
      toTeam: toPart.team, toTeamName: toPart.teamName, toFeature: rnd() < 0.9 ? to.id : null, toIteration: needed, state, iterationsLate: late, words,
    };
    stringList.push(s);
    if (['conflict', 'declined', 'teamLeft', 'outsidePi'].includes(state)) {
      conflicts.push({ dependencyId: s.dependencyId, text: s.text, state, words, fromTeamName: s.fromTeamName, toTeamName: s.toTeamName, needed, committed: state === 'conflict' ? Math.min(5, needed + late) : null, riskId: rnd() < 0.2 ? 'R1' : null, proposeIterations: state === 'conflict' ? [1, 2, 3, 4].filter((n) => n < needed) : [] });
    }
  }
  const milestones = [
    { id: 'M1', date: day(10), title: 'Beta release', kind: 'release', iteration: 1 },
    { id: 'M2', date: day(30), title: 'Trade fair', kind: 'event', iteration: 3 },
    { id: 'M3', date: day(45), title: 'Supplier API live', kind: 'external', iteration: 4 },
    { id: 'M4', date: day(90), title: 'Go-live', kind: 'release', iteration: null },
  ];
  return {
    available: true, pi: '2026.3', iterations, teams: teamList, milestones, features: featureList, strings: stringList, conflicts,
    can: { keepBacklog: true, teams: teamList.slice(0, Math.ceil(teamList.length / 2)).map((t) => t.conversationId) },
  };
}
