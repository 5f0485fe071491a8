// diffTemplate (worker/domain/template.ts): an added step carries its measure as the newer version
// has it, all-groups and monitoring included, so accepting it into an office that lacks the measure
// creates the measure as the template says (before, every such measure came out "not every group").
import { describe, expect, it } from 'vitest';
import { diffTemplate, type TemplateContent } from '../../worker/domain/template';

const step = (id: string, title: string) => ({ id, stepNumber: 1, title, responsibleText: 'ทุกกลุ่ม', dueOn: '2027-03-31', monitoring: [] });
const v1: TemplateContent = { title: 'แม่แบบ', beYear: 2570, version: 1, measures: [] };
const v2: TemplateContent = {
  ...v1,
  version: 2,
  measures: [{ id: 'm1', section: 'table', number: 1, title: 'ทุกกลุ่มร่วมกัน', responsibleText: 'ทุกกลุ่ม', allGroups: true, monitoring: ['รายงานทุกไตรมาส'], steps: [step('s1', 'ประชุมชี้แจง')] }],
};

describe('diffTemplate', () => {
  it("an added step's measure keeps the template's every-group flag and monitoring", () => {
    const [added] = diffTemplate(v1, v2);
    expect(added).toMatchObject({ itemId: 's1', change: 'added' });
    expect(added!.measure).toEqual({ id: 'm1', section: 'table', number: 1, title: 'ทุกกลุ่มร่วมกัน', responsibleText: 'ทุกกลุ่ม', allGroups: true, monitoring: ['รายงานทุกไตรมาส'] });
  });
});
