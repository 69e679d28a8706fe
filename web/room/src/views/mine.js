// My ART work (personal tab): what the user owns or raised, and their teams' dependencies.
import { table, empty, section, text, days, piName } from '../dom.js';
import { roamLabel, owner, improvementBadge, impedimentColumns } from './common.js';
import { list as dependencyList } from './dependencies.js';

export function renderMine(data) {
  const arr = (v) => (Array.isArray(v) ? v : []);
  const impediments = arr(data.impediments);
  const risks = arr(data.risks);
  const improvements = arr(data.improvements);
  const dependencies = arr(data.dependencies);
  return [
    section(3, 'My impediments', impediments.length === 0 ? empty('No open impediments that you own or raised.') : table({
      caption: 'Impediments you own or raised',
      columns: impedimentColumns(text),
      rows: impediments,
    })),
    section(3, 'My risks', risks.length === 0 ? empty('No risks that you own or raised.') : table({
      caption: 'Risks you own or raised',
      columns: [
        { label: 'Risk', rowHeader: true, cell: (r) => text(r.title), className: 'wide' },
        { label: 'Team', cell: (r) => text(r.team) },
        { label: 'ROAM', cell: (r) => roamLabel(r.status ?? r.roam) },
        { label: 'Owner', cell: (r) => owner(r.owner) },
        { label: 'Age', cell: (r) => days(r.ageDays) },
      ],
      rows: risks,
    })),
    section(3, 'My improvement items', improvements.length === 0 ? empty('No improvement items that you own.') : table({
      caption: 'Improvement items you own',
      columns: [
        { label: 'Item', rowHeader: true, cell: (i) => text(i.title), className: 'wide' },
        { label: 'Status', cell: (i) => improvementBadge(i.status) },
        { label: 'Target PI', cell: (i) => text(piName(i.targetPi)) },
        { label: 'Carried from', cell: (i) => text(piName(i.carriedFromPi)) },
      ],
      rows: improvements,
    })),
    section(3, "My teams' dependencies", dependencies.length === 0 ? empty('No dependencies for your teams.') : dependencyList(dependencies)),
  ];
}
