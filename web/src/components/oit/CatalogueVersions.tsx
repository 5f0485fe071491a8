// Which OIT catalogue version the year uses, with its source and the old items it left without a
// counterpart (everyone); administrators import a new version (a pasted list or TSV, checked line
// by line before anything is saved) and move a year onto a version through the crosswalk: each
// old code's proposed new code with its score, which they confirm or correct, then apply.
import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../../api';
import { Feedback } from '../Feedback';
import { safeHref } from '../dashboard/format';
import { pickText } from '../../i18n';
import { tCatalogue } from '../../messages/catalogue';
import type { CatalogueLineError } from '../../../../worker/domain/catalogue-list';
import { CrosswalkTable, crosswalkOf, proposedChoices, type CrosswalkChoices } from './CrosswalkTable';
import { catalogueApi, type CatalogueApplied, type CataloguePlan, type CatalogueVersions as Versions } from './catalogue-api';


function Source({ source }: { source: string }) {
  if (!source) return <span class="muted">{tCatalogue('noSource')}</span>;
  const href = /^https?:\/\//i.test(source) ? safeHref(source) : null;
  return href ? <a href={href} rel="noopener noreferrer" target="_blank">{source}</a> : <span>{source}</span>;
}

function LineErrors({ errors }: { errors: CatalogueLineError[] }) {
  return (
    <ul class="oit-warnings" data-testid="catalogue-line-errors">
      {errors.map((e) => (
        <li key={`${e.line}-${e.code}`}>
          {e.line > 0 && tCatalogue('line', { line: e.line })} {e.text && <q>{e.text}</q>}: {pickText(e.messageTh, e.messageEn)}
        </li>
      ))}
    </ul>
  );
}

export function CatalogueVersions({ beYear, canEdit, onApplied }: { beYear: number; canEdit: boolean; onApplied: () => void }) {
  const [list, setList] = useState<Versions | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const load = async () => {
    const r = await catalogueApi.list();
    if (r.ok) setList(r.data);
    else setError(r.error);
  };
  useEffect(() => {
    void load();
  }, [beYear]);

  const year = list?.years.find((y) => y.beYear === beYear);
  const version = list?.catalogues.find((c) => c.id === year?.catalogueId);
  return (
    <section class="oit-panel oit-versions" aria-labelledby="oit-versions-title" data-testid="oit-versions">
      <h2 id="oit-versions-title">{tCatalogue('title')}</h2>
      <Feedback error={error} />
      {year && (
        <div data-testid="oit-version-current">
          <p>{version ? tCatalogue('yearUses', { beYear, name: version.name }) : tCatalogue('yearOwnList', { beYear, items: year.items })}</p>
          {version && (
            <p class="muted">
              {tCatalogue('source')}: <Source source={version.source} />
            </p>
          )}
          {year.unmapped.length > 0 && (
            <div class="oit-unmatched" role="note" data-testid="oit-unmapped">
              <h3>{tCatalogue('unmappedTitle', { count: year.unmapped.length })}</h3>
              <p class="muted">{tCatalogue('unmappedHint')}</p>
              <ul>
                {year.unmapped.map((u) => (
                  <li key={u.code}>
                    <strong>{u.code}</strong> {u.titleTh}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      {canEdit && list && (
        <>
          <h3>{tCatalogue('versions')}</h3>
          <ul class="oit-version-list" data-testid="oit-version-list">
            {list.catalogues.map((c) => (
              <li key={c.id}>
                <strong>{c.name}</strong> · {tCatalogue('items', { items: c.items })}
                {c.shipped && ` · ${tCatalogue('shipped')}`} · {c.years.length > 0 ? tCatalogue('usedBy', { years: c.years.join(', ') }) : tCatalogue('unused')}
                <br />
                <span class="muted">
                  {tCatalogue('source')}: <Source source={c.source} />
                </span>
              </li>
            ))}
          </ul>
          <NewVersion
            onKept={(id) => {
              setChosen(id);
              void load();
            }}
          />
          <ApplyVersion
            list={list}
            beYear={beYear}
            chosen={chosen}
            onApplied={() => {
              void load();
              onApplied();
            }}
          />
        </>
      )}
    </section>
  );
}

function NewVersion({ onKept }: { onKept: (id: string) => void }) {
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [text, setText] = useState('');
  const [checked, setChecked] = useState<{ items: number; errors: CatalogueLineError[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [ok, setOk] = useState<string | null>(null);

  async function check(e: Event) {
    e.preventDefault();
    setOk(null);
    const r = await catalogueApi.preview(text);
    if (!r.ok) return setError(r.error);
    setError(null);
    setChecked({ items: r.data.items.length, errors: r.data.errors });
  }

  async function keep() {
    const r = await catalogueApi.create(name, source, text);
    if (!r.ok) {
      const details = (r.error.body as { error?: { details?: CatalogueLineError[] } } | null)?.error?.details;
      if (Array.isArray(details)) setChecked({ items: 0, errors: details });
      return setError(r.error);
    }
    setError(null);
    setChecked(null);
    setText('');
    setName('');
    setSource('');
    setOk(tCatalogue('kept', { name: r.data.catalogue.name, items: r.data.catalogue.items }));
    onKept(r.data.catalogue.id);
  }

  return (
    <div class="oit-preview" data-testid="catalogue-new">
      <h3>{tCatalogue('newVersion')}</h3>
      <form class="oit-form" onSubmit={check}>
        <label>
          {tCatalogue('name')}
          <input required maxLength={120} value={name} placeholder={tCatalogue('namePlaceholder')} onInput={(e) => setName(e.currentTarget.value)} data-testid="catalogue-name" />
        </label>
        <label>
          {tCatalogue('sourceLabel')}
          <input maxLength={500} value={source} onInput={(e) => setSource(e.currentTarget.value)} data-testid="catalogue-source" />
        </label>
        <label>
          {tCatalogue('listLabel')}
          <textarea
            rows={8}
            required
            value={text}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setChecked(null);
            }}
            data-testid="catalogue-text"
          />
        </label>
        <button type="submit" class="button button-secondary" data-testid="catalogue-check">
          {tCatalogue('check')}
        </button>
      </form>
      {checked && (
        <div data-testid="catalogue-checked">
          <p>{checked.errors.length > 0 ? tCatalogue('lineErrors', { count: checked.errors.length }) : tCatalogue('found', { items: checked.items })}</p>
          {checked.errors.length > 0 && <LineErrors errors={checked.errors} />}
          <button type="button" class="button button-primary" disabled={checked.errors.length > 0 || !name.trim()} onClick={() => void keep()} data-testid="catalogue-keep">
            {tCatalogue('keep')}
          </button>
        </div>
      )}
      <Feedback error={error} ok={ok} testId="catalogue-new" />
    </div>
  );
}

function ApplyVersion({ list, beYear, chosen, onApplied }: { list: Versions; beYear: number; chosen: string | null; onApplied: () => void }) {
  const [id, setId] = useState(chosen ?? list.catalogues[0]?.id ?? '');
  const [yearText, setYearText] = useState(String(beYear));
  const [plan, setPlan] = useState<CataloguePlan | null>(null);
  const [choice, setChoice] = useState<CrosswalkChoices>({});
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<{ applied: CatalogueApplied; name: string } | null>(null);
  useEffect(() => {
    if (chosen) setId(chosen);
  }, [chosen]);

  async function show(e: Event) {
    e.preventDefault();
    setDone(null);
    const r = await catalogueApi.plan(id, Number(yearText));
    if (!r.ok) return setError(r.error);
    setError(null);
    setPlan(r.data);
    setConfirm(false);
    setChoice(proposedChoices(r.data.proposal));
  }

  const newCodes = new Set(plan?.catalogue.items.map((i) => i.code));
  const inUse = new Map(plan?.inUse.map((u) => [u.code, u.links]));
  const unmappedInUse = plan ? plan.inUse.filter((u) => !choice[u.code] && !newCodes.has(u.code)).map((u) => u.code) : [];

  async function apply() {
    if (!plan) return;
    const r = await catalogueApi.apply(plan.catalogue.id, plan.beYear, crosswalkOf(choice), confirm);
    if (!r.ok) return setError(r.error);
    setError(null);
    setDone({ applied: r.data, name: plan.catalogue.name });
    setPlan(null);
    onApplied();
  }

  return (
    <div class="oit-preview" data-testid="catalogue-apply">
      <h3>{tCatalogue('applyTitle')}</h3>
      <form class="oit-form" onSubmit={show}>
        <label>
          {tCatalogue('version')}
          <select value={id} onChange={(e) => setId(e.currentTarget.value)} data-testid="catalogue-version">
            {list.catalogues.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tCatalogue('year')}
          <input inputMode="numeric" pattern="25[0-9]{2}|26[0-9]{2}" required value={yearText} onInput={(e) => setYearText(e.currentTarget.value)} data-testid="catalogue-year" />
        </label>
        <button type="submit" class="button button-secondary" data-testid="catalogue-plan">
          {tCatalogue('plan')}
        </button>
      </form>
      {plan && !plan.exists && <p>{tCatalogue('notCreated', { beYear: plan.beYear })}</p>}
      {plan && plan.exists && (
        <div data-testid="crosswalk">
          <h4>{tCatalogue('crosswalk')}</h4>
          <p class="muted">{tCatalogue('crosswalkHint')}</p>
          {plan.lost.length > 0 && (
            <p class="form-error" data-testid="crosswalk-lost">
              {tCatalogue('lost', { codes: plan.lost.map((l) => (l.change === 'changed' ? tCatalogue('changed', { code: l.code }) : l.code)).join(', ') })}
            </p>
          )}
          <CrosswalkTable rows={plan.proposal} items={plan.catalogue.items} choice={choice} onChange={setChoice} inUse={inUse} />
          {unmappedInUse.length > 0 && (
            <label class="oit-confirm">
              <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.currentTarget.checked)} data-testid="crosswalk-confirm" />{' '}
              {tCatalogue('confirmUnmapped', { codes: unmappedInUse.join(', ') })}
            </label>
          )}
        </div>
      )}
      {plan && (
        <button type="button" class="button button-primary" disabled={unmappedInUse.length > 0 && !confirm} onClick={() => void apply()} data-testid="catalogue-apply-confirm">
          {tCatalogue('apply')}
        </button>
      )}
      {done && (
        <div role="status" class="form-ok" data-testid="catalogue-applied">
          <p>
            {done.applied.yearExists
              ? tCatalogue('applied', { beYear: done.applied.beYear, name: done.name, recoded: done.applied.recoded })
              : tCatalogue('appliedLater', { beYear: done.applied.beYear, name: done.name })}
          </p>
          {done.applied.unmappedInUse.length > 0 && <p>{tCatalogue('unmappedInUse', { codes: done.applied.unmappedInUse.map((u) => u.code).join(', ') })}</p>}
        </div>
      )}
      <Feedback error={error} testId="catalogue-apply" />
    </div>
  );
}
