// My ART work (personal tab): what the user owns or raised, and their teams' dependencies.
import { table, empty, section, text, days, piName } from '../dom.js';
import { t } from '../i18n/index.js';
import { roamLabel, owner, improvementBadge, impedimentColumns } from './common.js';
import { list as dependencyList } from './dependencies.js';
/** @typedef {import('../api/views').Schemas} Schemas */

/**
 * @param {Schemas['MineView']} data
 */
export function renderMine(data) {
  /** @type {<T>(v: T[] | null | undefined) => T[]} */
  const arr = (v) => (Array.isArray(v) ? v : []);
  const impediments = arr(data.impediments);
  const risks = arr(data.risks);
  const improvements = arr(data.improvements);
  const dependencies = arr(data.dependencies);
  return [
    section(3, t('mine.impediments'), impediments.length === 0 ? empty(t('mine.noImpediments')) : table({
      caption: t('mine.impedimentsCaption'),
      columns: impedimentColumns(text),
      rows: impediments,
    })),
    section(3, t('mine.risks'), risks.length === 0 ? empty(t('mine.noRisks')) : table({
      caption: t('mine.risksCaption'),
      columns: [
        { label: t('column.risk'), rowHeader: true, cell: (r) => text(r.title), className: 'wide' },
        { label: t('column.team'), cell: (r) => text(r.team) },
        { label: 'ROAM', cell: (r) => roamLabel(r.roam) },
        { label: t('column.owner'), cell: (r) => owner(r.owner) },
        { label: t('column.age'), cell: (r) => days(r.ageDays) },
      ],
      rows: risks,
    })),
    section(3, t('mine.improvements'), improvements.length === 0 ? empty(t('mine.noImprovements')) : table({
      caption: t('mine.improvementsCaption'),
      columns: [
        { label: t('column.item'), rowHeader: true, cell: (i) => text(i.title), className: 'wide' },
        { label: t('column.status'), cell: (i) => improvementBadge(i.status) },
        { label: t('column.targetPi'), cell: (i) => text(piName(i.targetPi)) },
        { label: t('column.carriedFrom'), cell: (i) => text(piName(i.carriedFromPi)) },
      ],
      rows: improvements,
    })),
    section(3, t('mine.dependencies'), dependencies.length === 0 ? empty(t('mine.noDependencies')) : dependencyList(dependencies)),
  ];
}
