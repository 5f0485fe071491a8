// The office's groups as a <select>'s options, the near matches first ("(ใกล้เคียง)"): the one way
// a responsible name is given a group, shared by the importer (ImportPanel) and template adoption
// (TemplateAdopt).
import type { GroupRef } from '../../../../worker/domain/announcement/group-match';
import { tAdmin } from '../../messages/admin';

export function GroupOptions({ groups, near = [] }: { groups: readonly GroupRef[]; near?: readonly GroupRef[] }) {
  return (
    <>
      {near.map((g) => (
        <option key={`near-${g.id}`} value={g.id}>
          {tAdmin('import.namethClose', { nameTh: g.nameTh })}
        </option>
      ))}
      {groups
        .filter((g) => !near.some((c) => c.id === g.id))
        .map((g) => (
          <option key={g.id} value={g.id}>
            {g.nameTh}
          </option>
        ))}
    </>
  );
}
