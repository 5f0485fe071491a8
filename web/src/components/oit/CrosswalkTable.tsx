// The crosswalk from one OIT catalogue's codes to another's, row by row: the proposal (its score
// and why) with a choice per old code that the administrator confirms or corrects. Used where a
// version is applied to a year (CatalogueVersions) and where a new year takes a version of its own
// at rollover (admin/RolloverPanel).
import type { CrosswalkItem, CrosswalkReason, CrosswalkRow } from '../../../../worker/domain/crosswalk';
import { tCatalogue } from '../../messages/catalogue';
import './crosswalk.css';

const REASON = { same_code: 'reasonSame', similar_title: 'reasonSimilar', none: 'reasonNone' } as const satisfies Record<CrosswalkReason, string>;

/** Old code → new code (null: none), as chosen. */
export type CrosswalkChoices = Record<string, string | null>;

/** The proposal as the starting choice. */
export const proposedChoices = (rows: readonly CrosswalkRow[]): CrosswalkChoices => Object.fromEntries(rows.map((p) => [p.oldCode, p.newCode]));

/** The choices as the API takes them. */
export const crosswalkOf = (choice: CrosswalkChoices) => Object.entries(choice).map(([oldCode, newCode]) => ({ oldCode, newCode }));

export function CrosswalkTable({
  rows,
  items,
  choice,
  onChange,
  inUse,
}: {
  rows: readonly CrosswalkRow[];
  items: readonly CrosswalkItem[];
  choice: CrosswalkChoices;
  onChange: (next: CrosswalkChoices) => void;
  /** Evidence links per old code, where the year has any. */
  inUse?: ReadonlyMap<string, number>;
}) {
  return (
    <div class="oit-crosswalk-scroll">
      <table class="oit-crosswalk">
        <thead>
          <tr>
            <th scope="col">{tCatalogue('oldItem')}</th>
            <th scope="col">{tCatalogue('newItem')}</th>
            <th scope="col">{tCatalogue('score')}</th>
            {inUse && <th scope="col">{tCatalogue('evidence')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.oldCode} data-testid="crosswalk-row" data-code={row.oldCode} class={inUse?.has(row.oldCode) ? 'in-use' : ''}>
              <th scope="row">
                <strong>{row.oldCode}</strong> {row.oldTitle}
              </th>
              <td>
                <select
                  aria-label={`${row.oldCode} → ${tCatalogue('newItem')}`}
                  value={choice[row.oldCode] ?? ''}
                  onChange={(e) => onChange({ ...choice, [row.oldCode]: e.currentTarget.value || null })}
                  data-testid="crosswalk-choice"
                >
                  <option value="">{tCatalogue('none')}</option>
                  {items.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.code} {i.titleTh}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {row.score.toFixed(2)} <span class="muted">{tCatalogue(REASON[row.reason])}</span>
              </td>
              {inUse && <td>{inUse.has(row.oldCode) ? tCatalogue('links', { links: inUse.get(row.oldCode)! }) : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
